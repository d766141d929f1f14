import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '@/db/index';
import { migrateDatabase } from '@/db/migrate';
import { seedDatabase } from '@/lib/seed';

/** A migrated database in a fresh temporary folder; `cleanup` closes and deletes it. */
export function createTestDb(): { db: Db; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-test-'));
  const file = path.join(dir, 'test.db');
  const db = openDatabase(file);
  migrateDatabase(db);
  return {
    db,
    file,
    cleanup: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every row of every table, for comparing a database before and after an operation. */
export function dumpTables(db: Db): Record<string, unknown[]> {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  return Object.fromEntries(tables.map(({ name }) => [name, db.$client.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

/** createTestDb, seeded with the Kazakhstan dataset from seed/. */
export function createSeededTestDb(): ReturnType<typeof createTestDb> {
  const test = createTestDb();
  seedDatabase(test.db);
  return test;
}
