import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/index';
import { prepareDatabase } from '@/lib/prepare-database';
import { restoreEnv } from '../helpers/env';

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

describe('start-up safety', () => {
  const unchanged = (file: string, run: () => void, message: RegExp) => {
    const before = fs.readFileSync(file);
    expect(run).toThrow(message);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  };

  it('stops on a corrupt file and leaves it byte for byte as it was', () => {
    const file = tempFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    unchanged(file, () => prepareDatabase(file), /cannot be read as a SQLite database.*Restore it from a backup/);
  });

  it('stops on a database damaged inside and leaves it as it was', () => {
    const file = tempFile();
    prepareDatabase(file);
    const db = openDatabase(file);
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    db.$client.pragma('journal_mode = DELETE');
    db.$client.close();
    const bytes = fs.readFileSync(file);
    // Scribble over the middle pages (table and index contents), keeping the header.
    bytes.fill(0x55, 4096 * 3, Math.min(bytes.length, 4096 * 6));
    fs.writeFileSync(file, bytes);
    unchanged(file, () => prepareDatabase(file), /damaged|cannot be read/);
  });

  it('stops on a database migrated by a newer version and neither migrates nor seeds it', () => {
    const file = tempFile();
    prepareDatabase(file);
    const db = openDatabase(file);
    db.$client.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', 99999999999999)").run();
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    db.$client.close();
    unchanged(file, () => prepareDatabase(file), /migrated by a newer version of this dashboard \(1 migration\(s\)/);
  });

  it('refuses a database that belongs to another program', () => {
    const file = tempFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const other = openDatabase(file);
    other.$client.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER)');
    other.$client.pragma('wal_checkpoint(TRUNCATE)');
    other.$client.close();
    unchanged(file, () => prepareDatabase(file), /holds tables \(invoices\) but none of this dashboard's migrations/);
  });
});

describe('an interrupted or failed seed', () => {
  it('leaves the database empty, so the next start seeds it whole', () => {
    const file = tempFile();
    const seedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-badseed-'));
    dirs.push(seedDir);
    fs.cpSync(path.resolve('seed'), seedDir, { recursive: true });
    fs.appendFileSync(path.join(seedDir, 'kazakhstan-2022-reports.csv'), 'kazakhstan-2022-unrest,deaths,all,X,exact,,-5,,people,2022-01-01,M,,,,,,\n');
    const original = process.env.SEED_DIR;
    process.env.SEED_DIR = seedDir;
    try {
      expect(() => prepareDatabase(file)).toThrow(/line 37, column value_best/);
    } finally {
      restoreEnv('SEED_DIR', original);
    }
    const db = openDatabase(file);
    expect(db.$client.prepare('SELECT (SELECT count(*) FROM events) AS e, (SELECT count(*) FROM sources) AS s, (SELECT count(*) FROM figures) AS f').get()).toEqual({ e: 0, s: 0, f: 0 });
    db.$client.close();
    expect(prepareDatabase(file)).toEqual({ seeded: true });
  });
});
