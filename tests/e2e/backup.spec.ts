import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { expect, test } from '@playwright/test';
import { EditorClient } from '../../scripts/bench/editor-client';
import { startSaveStream } from '../../scripts/bench/save-stream';
import { startServer, type ServerProcess } from '../../scripts/bench/server-process';
import { checkSaves } from '../../scripts/bench/verify-saves';
import { prepareEditorDatabase } from './editor-database';

// The main e2e server is on E2E_PORT; start-again, crash use the next two ports.
const PORT = Number(process.env.E2E_PORT || 3217) + 3;
const EDITOR = { email: 'backup-editor@example.org', password: 'correct horse battery staple 8' };
const MARKER = 'Backup test';
const EVENT = '/events/kazakhstan-2022-unrest';

/** Readers keep asking for the page and the export until told to stop; resolves with their statuses. */
function keepReading(baseUrl: string): { stop: () => Promise<number[]> } {
  let reading = true;
  const statuses: number[] = [];
  const loop = async () => {
    for (let i = 0; reading; i++) {
      const url = i % 2 ? `${baseUrl}/api/figures.csv?event=kazakhstan-2022-unrest&status=all` : `${baseUrl}${EVENT}`;
      const res = await fetch(url);
      await res.arrayBuffer();
      statuses.push(res.status);
    }
  };
  const readers = Promise.all([loop(), loop()]);
  return { stop: async () => ((reading = false), await readers, statuses) };
}

test('npm run db:backup copies the database while the server serves and saves, and the copy restores to a working dashboard', async () => {
  test.setTimeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-backup-'));
  const live = path.join(dir, 'live.db');
  const backup = path.join(dir, 'backups', 'copy.db');
  const restored = path.join(dir, 'restored', 'dashboard.db');
  const servers: ServerProcess[] = [];
  try {
    await prepareEditorDatabase(live, EDITOR);

    const server = await startServer({ port: PORT, databasePath: live, timeoutMs: 120_000 });
    servers.push(server);
    const editor = await EditorClient.signIn(server.baseUrl, EDITOR);
    const readers = keepReading(server.baseUrl);
    const stream = startSaveStream(editor, MARKER, { intervalMs: 20, maxInFlight: 4 });
    await expect.poll(() => stream.log.saved.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(10);

    // Every save acknowledged before the backup starts must be in it.
    const beforeBackup = [...stream.log.saved];
    fs.mkdirSync(path.dirname(backup));
    const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/backup.ts', backup], { env: { ...process.env, DATABASE_PATH: live }, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/: \d+ events?, \d+ sources?, \d+ figures?; integrity check ok/);
    expect(run.stdout).not.toMatch(/\b1 (events|sources|figures)\b/);
    // The server kept taking saves while and after the copy was made.
    const duringBackup = stream.log.saved.length;
    await expect.poll(() => stream.log.saved.length, { timeout: 60_000 }).toBeGreaterThan(duringBackup + 3);
    const log = await stream.stop();
    const statuses = await readers.stop();
    expect(log.refused).toEqual([]);
    expect(log.failed).toEqual([]);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    // A consistent snapshot: sound, every earlier save with its one audit entry, nothing half-written.
    const check = checkSaves(backup, MARKER, beforeBackup);
    expect(check.integrity).toBe('ok');
    expect(check.missing).toEqual([]);
    expect(check.wrongAuditCount).toEqual([]);
    expect(check.duplicates).toBe(0);
    const copy = new Database(backup, { readonly: true });
    const backedUp = (copy.prepare('SELECT id FROM figures ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
    copy.close();
    // Later saves went on in the live database after the copy.
    const liveDb = new Database(live, { readonly: true });
    const liveCount = (liveDb.prepare('SELECT count(*) AS n FROM figures').get() as { n: number }).n;
    liveDb.close();
    expect(liveCount).toBeGreaterThan(backedUp.length);

    // Restore as the README says: the server stopped, the copy put where the database lives, npm start.
    await server.stop('SIGTERM');
    fs.mkdirSync(path.dirname(restored));
    fs.copyFileSync(backup, restored);
    const second = await startServer({ port: PORT, databasePath: restored, timeoutMs: 120_000 });
    servers.push(second);
    const csv = await (await fetch(`${second.baseUrl}/api/figures.csv?event=kazakhstan-2022-unrest&status=all`)).text();
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true, delimiter: ',' }).data;
    expect(rows.map((r) => Number(r.figure_id)).sort((a, b) => a - b)).toEqual(backedUp);
    const page = await fetch(`${second.baseUrl}${EVENT}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(new RegExp(`>${backedUp.length}(<!-- -->)? reports(<!-- -->)?( \\(\\d+ retracted\\))?(<!-- -->)? from`));
    test.info().annotations.push({
      type: 'backup',
      description: `${beforeBackup.length} saves acknowledged before the backup, ${backedUp.length} figures in the copy, ${liveCount} in the live database afterwards`,
    });
  } finally {
    for (const server of servers) await server.stop('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
