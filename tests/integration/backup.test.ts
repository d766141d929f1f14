import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { backupDatabase } from '@/db/backup';
import { openDatabase } from '@/db/index';
import { prepareDatabase } from '@/lib/prepare-database';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('online backup', () => {
  it('takes a consistent copy while another connection keeps writing, and never overwrites', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-backup-'));
    const file = path.join(dir, 'live.db');
    prepareDatabase(file);
    const reader = openDatabase(file);
    const writer = new Database(file);
    writer.pragma('busy_timeout = 5000');
    const insert = writer.prepare(
      "INSERT INTO sources (reporting_body, publisher, published_on) VALUES ('Writer', ?, '2022-01-01')",
    );
    let written = 0;
    const timer = setInterval(() => insert.run(`p${written++}`), 1);
    await new Promise((r) => setTimeout(r, 30));
    const target = path.join(dir, 'backups', 'copy.db');
    const counts = await backupDatabase(reader, target);
    clearInterval(timer);
    expect(counts.figures).toBe(35);
    expect(counts.sources).toBeGreaterThanOrEqual(17);
    // One file: nothing beside it that a copy of the backup could leave behind.
    expect(fs.readdirSync(path.dirname(target))).toEqual(['copy.db']);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) AS n FROM sources').get()).toEqual({ n: counts.sources });
    copy.close();
    await expect(backupDatabase(reader, target)).rejects.toThrow(/already exists/);
    writer.close();
    reader.$client.close();
  });
});
