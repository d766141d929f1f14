/**
 * npm run bench:load — many readers on the public pages and the CSV export while an editor saves
 * a figure every 100 ms through the real sign-in and server action, against the production
 * server on a temporary database. Afterwards the database must hold every acknowledged save with
 * exactly one audit entry. Prints a table, writes bench-results/load.json, and exits 1 when any
 * goal is missed.
 *
 *   npm run bench:load -- [--duration 30] [--connections 100] [--save-interval 100] [--max-in-flight 150] [--port 3517] [--keep]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EditorClient } from './editor-client';
import { judge, machine, table } from './load-report';
import { runReaders } from './readers';
import { startSaveStream } from './save-stream';
import { startServer, type ServerProcess } from './server-process';
import { checkSaves } from './verify-saves';

const EVENT = 'kazakhstan-2022-unrest';
/** What readers ask for: the pages a crisis sends people to, some of their views, and the export. */
const READER_PATHS = [
  '/',
  `/events/${EVENT}`,
  `/events/${EVENT}?timeline=injured&timeline_view=table`,
  `/events/${EVENT}?breakdown=detained&compare_view=table`,
  `/events/${EVENT}?reports_page=2`,
  `/api/figures.csv?event=${EVENT}`,
  `/api/figures.csv?event=${EVENT}&metric=deaths,injured`,
];
const EDITOR = { email: 'load-editor@example.org', password: 'correct horse battery staple 7' };

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '30' },
      connections: { type: 'string', default: '100' },
      'save-interval': { type: 'string', default: '100' },
      'max-in-flight': { type: 'string', default: '150' },
      port: { type: 'string', default: '3517' },
      keep: { type: 'boolean', default: false },
    },
  });
  const number = (name: string, v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a whole number above 0, not ${v}.`);
    return n;
  };
  return {
    duration: number('duration', values.duration), connections: number('connections', values.connections),
    saveInterval: number('save-interval', values['save-interval']), maxInFlight: number('max-in-flight', values['max-in-flight']), port: number('port', values.port), keep: values.keep,
  };
}

/** Creates the editor's account with the real CLI, as the README tells an operator to. */
function createEditor(databasePath: string): void {
  const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/admin.ts', 'create', '--email', EDITOR.email], {
    env: { ...process.env, DATABASE_PATH: databasePath, ADMIN_PASSWORD: EDITOR.password }, encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`npm run admin -- create failed:\n${run.stdout}${run.stderr}`);
}

/** Each reader path once, so that a broken path fails here and not as thousands of errors. */
async function warmUp(baseUrl: string): Promise<void> {
  for (const p of READER_PATHS) {
    const response = await fetch(baseUrl + p, { signal: AbortSignal.timeout(60_000) });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${p} answered ${response.status} before the run.`);
  }
}

async function main(): Promise<number> {
  const opts = options();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-load-'));
  const databasePath = path.join(dir, 'load.db');
  const marker = `Load run ${Date.now().toString(36)}`;
  console.log(`Load test: ${opts.connections} readers for ${opts.duration} s, a save every ${opts.saveInterval} ms (at most ${opts.maxInFlight} unanswered); database ${databasePath}`);
  let server: ServerProcess | undefined;
  try {
    createEditor(databasePath);
    // start.ts seeds the database, which holds only the editor, and builds when the build is not current.
    server = await startServer({ port: opts.port, databasePath });
    await warmUp(server.baseUrl);
    const editor = await EditorClient.signIn(server.baseUrl, EDITOR);
    const atStart = machine();
    const stream = startSaveStream(editor, marker, { intervalMs: opts.saveInterval, maxInFlight: opts.maxInFlight });
    const started = performance.now();
    console.log(`Signed in; readers and saves running for ${opts.duration} s...`);
    const readerFigures = await runReaders(server.baseUrl, READER_PATHS, opts.connections, opts.duration);
    console.log(`Readers done; waiting for ${stream.log.inFlight} unanswered saves (each gives up after 30 s)...`);
    const saves = await stream.stop();
    const elapsedS = (performance.now() - started) / 1000;
    await server.stop('SIGTERM');

    const check = checkSaves(databasePath, marker, saves.saved);
    const goals = judge(readerFigures, saves, check, (opts.duration * 1000) / opts.saveInterval);
    console.log(`\n${table(readerFigures, saves, elapsedS, goals)}`);
    console.log(`\n${atStart.cpus} CPUs, 1-minute load average ${atStart.loadAverage1m} at the start and ${machine().loadAverage1m} at the end.`);
    const report = {
      date: new Date().toISOString(), machine: { ...atStart, loadAverage1mAtEnd: machine().loadAverage1m }, options: { ...opts, readerPaths: READER_PATHS },
      readers: readerFigures,
      editor: {
        attempted: saves.attempted, acknowledged: saves.saved.length, refused: saves.refused, failed: saves.failed, skippedTicks: saves.skippedTicks, maxInFlight: saves.maxInFlight,
        latencyMs: saves.saved.map((s) => Math.round(s.ms)),
      },
      database: check, goals, passed: goals.every((g) => g.met),
    };
    fs.mkdirSync('bench-results', { recursive: true });
    fs.writeFileSync(path.join('bench-results', 'load.json'), `${JSON.stringify(report, null, 2)}\n`);
    fs.writeFileSync(path.join('bench-results', 'load-server.log'), server.output());
    console.log(`\nWrote bench-results/load.json (and the server's output to load-server.log). ${report.passed ? 'Every goal met.' : 'GOALS MISSED (see FAIL above).'}`);
    return report.passed ? 0 : 1;
  } finally {
    await server?.stop('SIGTERM');
    if (opts.keep) console.log(`Kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`Load test stopped: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
