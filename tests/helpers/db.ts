import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
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
    .prepare("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string; wr: number }>;
  // A WITHOUT ROWID table (the series summaries) is read in its primary key's order.
  return Object.fromEntries(tables.map(({ name, wr }) => [name, db.$client.prepare(`SELECT * FROM "${name}"${wr ? '' : ' ORDER BY rowid'}`).all()]));
}

/** createTestDb, seeded with the Kazakhstan dataset from seed/. */
export function createSeededTestDb(): ReturnType<typeof createTestDb> {
  const test = createTestDb();
  seedDatabase(test.db);
  return test;
}

/**
 * A seeded database for each test of the file that calls it (at its top level): the function
 * returned makes one, closed and deleted after the test.
 */
export function seededPerTest(): () => Db {
  let cleanup = () => {};
  afterEach(() => cleanup());
  return () => {
    const test = createSeededTestDb();
    cleanup = test.cleanup;
    return test.db;
  };
}

/**
 * Writes, as another program would (plain SQL), a later death toll: 238 for the whole of
 * Kazakhstan on 2022-12-01, from a new source published by `publisher`. It becomes the headline.
 */
export function addLaterDeathToll(sqlite: Db['$client'], publisher: string): void {
  sqlite
    .prepare("INSERT INTO sources (reporting_body, publisher, published_on) VALUES ('Prosecutor General''s Office', ?, '2022-12-01')")
    .run(publisher);
  sqlite.exec(`
    INSERT INTO figures (event_id, metric_id, group_name, location, qualifier, value_best, unit, reported_on, source_id)
    SELECT e.id, m.id, 'all', 'Kazakhstan', 'exact', 238, 'people', '2022-12-01', (SELECT max(id) FROM sources)
    FROM events e, metrics m WHERE e.slug = 'kazakhstan-2022-unrest' AND m.key = 'deaths';
  `);
}
