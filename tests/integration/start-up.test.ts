import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/index';
import { prepareDatabase } from '@/lib/prepare-database';

const dirs: string[] = [];
const tempFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-start-'));
  dirs.push(dir);
  return path.join(dir, 'nested', 'dashboard.db');
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('preparing the database at start-up', () => {
  it('creates the folder and the file, migrates and seeds a new database', () => {
    const file = tempFile();
    expect(prepareDatabase(file)).toEqual({ seeded: true });
    const db = openDatabase(file);
    expect(db.$client.prepare('SELECT count(*) AS n FROM figures').get()).toEqual({ n: 35 });
    db.$client.close();
  });

  it('never reseeds a database that holds data, even when an editor removed seeded figures', () => {
    const file = tempFile();
    prepareDatabase(file);
    const db = openDatabase(file);
    db.$client.exec("DELETE FROM audit_entries; DELETE FROM figures WHERE location = 'Almaty'");
    const left = (db.$client.prepare('SELECT count(*) AS n FROM figures').get() as { n: number }).n;
    expect(prepareDatabase(file)).toEqual({ seeded: false });
    expect(db.$client.prepare('SELECT count(*) AS n FROM figures').get()).toEqual({ n: left });
    db.$client.close();
  });
});
