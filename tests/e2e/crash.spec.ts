import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { EditorClient } from '../../scripts/bench/editor-client';
import { saveFields, startSaveStream } from '../../scripts/bench/save-stream';
import { startServer, type ServerProcess } from '../../scripts/bench/server-process';
import { checkSaves } from '../../scripts/bench/verify-saves';
import { prepareEditorDatabase } from './editor-database';

// The main e2e server is on E2E_PORT and start-again.spec.ts uses the next port.
const PORT = Number(process.env.E2E_PORT || 3217) + 2;
const EDITOR = { email: 'crash-editor@example.org', password: 'correct horse battery staple 7' };
const MARKER = 'Crash test';

test('a server killed with SIGKILL mid-stream of saves restarts with a sound database holding every acknowledged save', async () => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-crash-'));
  const file = path.join(dir, 'crash.db');
  const servers: ServerProcess[] = [];
  try {
    await prepareEditorDatabase(file, EDITOR);

    const first = await startServer({ port: PORT, databasePath: file, timeoutMs: 60_000 });
    servers.push(first);
    const editor = await EditorClient.signIn(first.baseUrl, EDITOR);
    // A save every 10 ms, up to 8 unanswered: several are always on their way when the kill comes.
    const stream = startSaveStream(editor, MARKER, { intervalMs: 10, maxInFlight: 8 });
    await expect.poll(() => stream.log.saved.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(20);
    await expect.poll(() => stream.log.inFlight, { timeout: 10_000, intervals: [1] }).toBeGreaterThan(0);
    const inFlightAtKill = stream.log.inFlight;
    const stopping = stream.stop(); // sends no more saves from here on
    // The whole process group: the tsx wrapper and the server process (scripts/serve.ts) doing the writes.
    await first.stop('SIGKILL');
    const log = await stopping;
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(log.refused).toEqual([]);
    expect(await fetch(`${first.baseUrl}/api/health`).then(() => 'answered', () => 'refused')).toBe('refused');

    const second = await startServer({ port: PORT, databasePath: file, timeoutMs: 60_000 });
    servers.push(second);
    const check = checkSaves(file, MARKER, log.saved);
    expect(check.integrity).toBe('ok');
    expect(check.acknowledged).toBeGreaterThanOrEqual(20);
    expect(check.missing).toEqual([]);
    expect(check.presentWithOneAuditEntry).toBe(log.saved.length);
    // Saves cut off by the kill were written whole (with their audit entry) or not at all.
    expect(check.wrongAuditCount).toEqual([]);
    expect(check.duplicates).toBe(0);
    expect(check.unacknowledgedPresent).toBeLessThanOrEqual(log.failed.length);
    // The restarted server still knows the editor's session and takes the next save.
    const after = await editor.createFigure(saveFields(MARKER, log.attempted));
    expect(after.kind).toBe('saved');
    test.info().annotations.push({
      type: 'crash',
      description: `${log.saved.length} saves acknowledged before the kill, ${inFlightAtKill} in flight at the kill, ${check.unacknowledgedPresent} of those written whole; integrity_check ok`,
    });
  } finally {
    // Stopping is idempotent: a server already gone is left alone.
    for (const server of servers) await server.stop('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
