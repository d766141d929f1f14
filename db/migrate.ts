import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { writeTransaction, type Db } from './index';
import { hasStaleSeries, refreshStaleSeries } from './queries/series-summaries';

/** The folder of committed migrations, found from the working directory (the project root). */
export const migrationsFolder = path.resolve(process.env.MIGRATIONS_PATH || 'drizzle');

/** Applies every migration not yet applied; a no-op on an up-to-date database. */
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder });
  // A migration may mark series stale (0004 marks every existing one): compute them now, once.
  // Only then: an up-to-date database is opened without waiting for the write lock.
  if (hasStaleSeries(db)) writeTransaction(db, (tx) => refreshStaleSeries(tx));
}

/** A database this version must not touch; the message says what to do. */
export class UnusableDatabaseError extends Error {}

function knownMigrations(): Set<number> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ when: number }> };
  return new Set(journal.entries.map((e) => e.when));
}

/**
 * Refuses, before anything is written, a database that is damaged, belongs to another program,
 * or was migrated by a newer version of this one: such a file is never migrated, seeded or
 * overwritten, so whatever it holds can still be recovered.
 */
export function assertUsableDatabase(file: string): void {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return;
  // A bare connection: no pragma that would write (journal mode) before the file is trusted.
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: true });
  } catch (err) {
    throw new UnusableDatabaseError(`${file} cannot be opened (${err instanceof Error ? err.message : String(err)}).`);
  }
  try {
    checkContents(sqlite, file);
  } catch (err) {
    if (err instanceof UnusableDatabaseError) throw err;
    throw new UnusableDatabaseError(
      `${file} cannot be read as a SQLite database (${err instanceof Error ? err.message : String(err)}). Restore it from a backup (see the README), or move it away to start afresh.`,
    );
  } finally {
    sqlite.close();
  }
}

function checkContents(sqlite: Database.Database, file: string): void {
  const check = sqlite.pragma('quick_check', { simple: true });
  if (check !== 'ok') {
    throw new UnusableDatabaseError(`${file} is damaged (SQLite's quick_check says: ${String(check)}). Restore it from a backup (see the README), or move it away to start afresh.`);
  }
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((t) => t.name);
  if (tables.length === 0) return;
  if (!tables.includes('__drizzle_migrations')) {
    throw new UnusableDatabaseError(`${file} holds tables (${tables.slice(0, 5).join(', ')}) but none of this dashboard's migrations: it belongs to something else. Set DATABASE_PATH to another file.`);
  }
  const known = knownMigrations();
  const applied = sqlite.prepare('SELECT created_at AS at FROM __drizzle_migrations').all() as Array<{ at: number }>;
  const unknown = applied.filter((m) => !known.has(Number(m.at)));
  if (unknown.length) {
    throw new UnusableDatabaseError(`${file} was migrated by a newer version of this dashboard (${unknown.length} migration(s) this version does not know). Update the code, or restore a backup made by this version.`);
  }
}
