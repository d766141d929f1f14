import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The database file: `DATABASE_PATH`, or `data/dashboard.db` under the working directory. */
export function databasePath(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.DATABASE_PATH || 'data/dashboard.db');
}

/** Opens a connection with the pragmas every connection of this project needs. */
export function openDatabase(file: string = databasePath()): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // WAL with synchronous=NORMAL is durable across application crashes; only a power loss can
  // roll back the last transactions, never corrupt the file.
  sqlite.pragma('synchronous = NORMAL');
  return drizzle(sqlite, { schema }) as Db;
}

// One connection per process. Kept on globalThis so that dev-mode module reloads reuse it.
const globalForDb = globalThis as unknown as { __dashboardDb?: Db };

/** The process's shared connection, opened on first use. */
export function getDb(): Db {
  globalForDb.__dashboardDb ??= openDatabase();
  return globalForDb.__dashboardDb;
}

/** Closes the shared connection (scripts and tests that open another database). */
export function closeDb(): void {
  globalForDb.__dashboardDb?.$client.close();
  globalForDb.__dashboardDb = undefined;
}

/** A transaction handed to a `db.transaction` callback. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything queries can run on: the connection or a transaction inside it. */
export type Executor = Db | Tx;
