import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { refreshStaleSeries } from './queries/series-summaries';
import { registerTextMatch } from './text-match';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The database file: `DATABASE_PATH`, or `data/dashboard.db` under the working directory. */
export function databasePath(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.DATABASE_PATH || 'data/dashboard.db');
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * How long a write waits for another connection's write lock before giving up with SQLITE_BUSY:
 * `DATABASE_BUSY_TIMEOUT_MS`, or 5 s. Tests shorten it; a value that is not a whole number of
 * milliseconds stops the process rather than silently waiting forever or not at all.
 */
export function busyTimeoutMs(): number {
  const raw = process.env.DATABASE_BUSY_TIMEOUT_MS?.trim();
  if (!raw) return DEFAULT_BUSY_TIMEOUT_MS;
  if (!/^\d{1,7}$/.test(raw)) throw new Error(`DATABASE_BUSY_TIMEOUT_MS must be a whole number of milliseconds (0 to 9999999), not "${raw}".`);
  return Number(raw);
}

/** Opens a connection with the pragmas every connection of this project needs. */
export function openDatabase(file: string = databasePath()): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  // WAL with synchronous=NORMAL is durable across application crashes; only a power loss can
  // roll back the last transactions, never corrupt the file.
  sqlite.pragma('synchronous = NORMAL');
  registerTextMatch(sqlite);
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

/**
 * Runs `fn`, a write that may be skipped, without waiting for another connection's write lock:
 * SQLITE_BUSY at once instead of after `busy_timeout` (the caller decides what a busy database
 * means); the connection's own timeout is restored after it, whatever happens. Only outside a
 * transaction: the pragma is the connection's.
 */
export function withoutWaiting<T>(db: Db, fn: () => T): T {
  const sqlite = db.$client;
  if (sqlite.inTransaction) throw new Error('withoutWaiting cannot run inside a transaction: the busy timeout is the connection’s');
  const waited = Number(sqlite.pragma('busy_timeout', { simple: true }));
  sqlite.pragma('busy_timeout = 0');
  try {
    return fn();
  } finally {
    sqlite.pragma(`busy_timeout = ${waited}`);
  }
}

/** A transaction handed to a `db.transaction` callback. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything queries can run on: the connection or a transaction inside it. */
export type Executor = Db | Tx;

/**
 * Runs `fn` in a transaction that takes the write lock at BEGIN (BEGIN IMMEDIATE). A deferred
 * transaction that reads first and then writes cannot wait for the lock: SQLite gives up with
 * SQLITE_BUSY at once, without calling the busy handler, when a read transaction has to be
 * upgraded while another connection writes. Every read-then-write transaction goes through here
 * so that `busy_timeout` applies to it.
 */
export function writeTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  return db.transaction((tx) => {
    const result = fn(tx);
    // The series a write touched get their summaries recomputed before it commits.
    refreshStaleSeries(tx);
    return result;
  }, { behavior: 'immediate' });
}

/**
 * Runs `fn` in one read transaction: every query in it sees the same snapshot, however many
 * writes other connections commit meanwhile (WAL readers never block and are never blocked).
 */
export function readTransaction<T>(db: Db, fn: () => T): T {
  return db.$client.transaction(fn).deferred();
}
