/**
 * npm run bench -- [--quick] [--only cached,uncached,freshness,export,import,js] [--port N]
 * The measurements and budgets of issue 6 in one run: builds the production app, makes the
 * synthetic databases, measures against the real server (scripts/start.ts), prints a table
 * and writes bench-results/bench.json. It installs nothing; it says what is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@/db/index';
import { adminWriter } from './admin-write';
import { ensureProductionBuild, placeStaticBaseline } from './build';
import { httpExportWithMemory, medianRun, sqliteExport } from './csv-export';
import { measureImport } from './csv-import';
import { BIG_EVENT_SLUG, makeSynthDatabase, OTHER_EVENT_SLUG, sizeLabel } from './databases';
import { exportBudget, type ExportPoint } from './export-budget';
import { measureFreshness } from './freshness';
import { describeMachine } from './machine';
import { parseBenchOptions, type BenchOptions } from './options';
import { measureCachedPage } from './page-cached';
import { measurePageJs } from './page-js';
import { measureUncachedPage, uncachedBudget, type UncachedPoint } from './page-uncached';
import { missingPrerequisites } from './prerequisites';
import { formatReport, writeReport } from './report';
import type { BudgetResult } from './result';
import { startServer, type BenchServer } from './server';

const root = process.cwd();
const outDir = path.join(root, 'bench-results');
const dataDir = path.join(outDir, 'data');
const PAGE = `/events/${BIG_EVENT_SLUG}`;

const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function main(): Promise<number> {
  let o: BenchOptions;
  try {
    o = parseBenchOptions(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 2;
  }
  const missing = missingPrerequisites(o.only);
  if (missing.length) {
    console.error(`The bench cannot run; it installs nothing itself.\n${missing.map((m) => `- ${m}`).join('\n')}\nOr leave those measurements out with --only.`);
    return 1;
  }
  const started = performance.now();
  const startedAt = new Date().toISOString();
  fs.mkdirSync(dataDir, { recursive: true });
  const machine = describeMachine();
  const results: BudgetResult[] = [];
  const serving = ['cached', 'uncached', 'freshness', 'export', 'js'].some((m) => o.only.has(m as never));

  if (serving) {
    log('Building the production app (skipped when .next is a build of the current code)...');
    log(ensureProductionBuild(root, path.join(outDir, 'build.log')) ? 'Built.' : 'The build is current.');
  }
  const baseline = serving ? placeStaticBaseline(root) : undefined;
  let server: BenchServer | undefined;
  const cleanUp = async () => {
    await server?.stop();
    baseline?.remove();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }

  const uncached: UncachedPoint[] = [];
  const exports: ExportPoint[] = [];
  const largest = o.sizes.at(-1)!;
  try {
    for (const figures of o.sizes) {
      // The import needs only its own database: nothing larger is made for it alone.
      if (!serving && figures > o.importRows) break;
      const label = sizeLabel(figures);
      log(`Making the ${label}-figure database (npm run synth)...`);
      const { file, seconds } = makeSynthDatabase(root, dataDir, figures);
      log(`  ${label} in ${seconds.toFixed(1)} s.`);
      if (o.only.has('import') && figures === o.importRows) {
        log(`Import: ${label} rows, ${o.importRuns} runs...`);
        results.push(measureImport(root, dataDir, file, o.importRuns));
      }
      const here = (['uncached', 'export'] as const).some((m) => o.only.has(m)) || (figures === largest && ['cached', 'freshness', 'js'].some((m) => o.only.has(m as never)));
      if (!here || !baseline) continue;

      log(`Starting the server on the ${label} database (port ${o.port})...`);
      server = await startServer(root, file, o.port, path.join(outDir, `server-${label}.log`));
      const db = openDatabase(file);
      const write = adminWriter(db, BIG_EVENT_SLUG);
      try {
        // Before the export: a render must not be timed while the server collects an export's garbage.
        if (o.only.has('uncached')) {
          log(`Uncached page: ${label}, ${o.uncachedSamples} changes...`);
          uncached.push(await measureUncachedPage(server.url + PAGE, figures, () => void write(), o.uncachedSamples));
        }
        if (o.only.has('export')) {
          const runs = figures === largest ? o.exportRuns : o.smallExportRuns;
          log(`Export: ${label}, ${runs} runs over HTTP and ${runs} with sqlite3...`);
          const pid = server.pid;
          let peakGrowth = 0;
          const http = await medianRun(runs, async () => {
            const run = await httpExportWithMemory(server!.url, pid);
            peakGrowth = Math.max(peakGrowth, run.peakGrowth);
            return run;
          });
          const cli = await medianRun(runs, () => sqliteExport(file));
          if (cli.rows !== http.rows) throw new Error(`sqlite3 exported ${cli.rows} rows, the server ${http.rows}`);
          exports.push({ figures, rows: http.rows, bytes: http.bytes, httpMs: http.ms, httpSamplesMs: http.samplesMs, sqliteMs: cli.ms, sqliteSamplesMs: cli.samplesMs, peakGrowthBytes: peakGrowth });
        }
        if (figures === largest) {
          let staticRate: number | undefined;
          if (o.only.has('cached') || o.only.has('freshness')) {
            log(`Cached page vs static file: ${o.loadRounds} rounds of ${o.loadSeconds} s each...`);
            const cached = await measureCachedPage(server.url, PAGE, baseline, o);
            staticRate = cached.staticReqPerSec;
            if (o.only.has('cached')) results.push(cached.result);
          }
          if (o.only.has('freshness') && staticRate !== undefined) {
            log(`Freshness: ${o.loadSeconds * 2} s of load, a write every ${o.writeEveryMs} ms...`);
            results.push(await measureFreshness(server.url + PAGE, `${server.url}/events/${OTHER_EVENT_SLUG}`, write, staticRate, o));
          }
          if (o.only.has('js')) {
            log('Page JavaScript and LCP in Chromium...');
            results.push(await measurePageJs(server.url + PAGE));
          }
        }
      } finally {
        db.$client.close();
        await server.stop();
        server = undefined;
      }
    }
  } finally {
    await cleanUp();
  }
  if (uncached.length) results.push(uncachedBudget(uncached, sizeLabel));
  if (exports.length) results.push(exportBudget(exports, sizeLabel));

  const report = { startedAt, seconds: (performance.now() - started) / 1000, options: { ...o, only: [...o.only] }, machine, results: results.sort((a, b) => a.budget - b.budget) };
  const json = path.join(outDir, 'bench.json');
  writeReport(json, report);
  console.log(formatReport(report));
  console.log(`\nWritten to ${path.relative(root, json)}.`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`The bench stopped: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  },
);
