import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';

const PORT = Number(process.env.E2E_PORT || 3217) + 1;

/** Runs `npm start`'s script until the server answers, then stops it; returns what it printed. */
async function startOnce(databasePath: string): Promise<string> {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts'], {
    env: { ...process.env, PORT: String(PORT), DATABASE_PATH: databasePath },
    detached: true,
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  try {
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${PORT}/api/health`).catch(() => null))?.status ?? 0, { timeout: 240_000, intervals: [500] })
      .toBe(200);
    return output;
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    // The whole process group is gone: nothing answers on the port any more.
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${PORT}/api/health`).catch(() => null)) === null, { timeout: 10_000 }).toBe(true);
  }
}

test('a second start reuses the database and the build; deleting the data folder recreates everything', async () => {
  test.setTimeout(600_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-restart-'));
  const db = path.join(dir, 'data', 'dashboard.db');
  try {
    const first = await startOnce(db);
    expect(first).toContain('seeded with the data in seed/');
    expect(first).toContain('The production build is current; not rebuilding.');
    const second = await startOnce(db);
    expect(second).toContain('already holds data (not reseeded)');
    expect(second).toContain('not rebuilding');
    fs.rmSync(path.join(dir, 'data'), { recursive: true });
    expect(await startOnce(db)).toContain('seeded with the data in seed/');
    expect(fs.existsSync(db)).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
