import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './index';

/**
 * Copies the live database to `target` with SQLite's online backup API: a consistent snapshot
 * even while the server serves and writes, as one file (no -wal or -shm beside it). Never
 * overwrites an existing file. Returns what the
 * copy holds, read back from it, so a backup is known to be readable when this returns.
 */
export async function backupDatabase(db: Db, target: string): Promise<{ figures: number; events: number; sources: number }> {
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new Error(`${file} already exists; choose a new file name (a backup never overwrites).`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await db.$client.backup(file);
  const copy = new Database(file, { fileMustExist: true });
  try {
    // One self-contained file: the copy comes in the live database's WAL mode, whose -wal and -shm
    // files a connection leaves beside it. The server puts a restored copy back in WAL mode.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the backup at ${file} failed its integrity check: ${String(check)}`);
    return copy.prepare('SELECT (SELECT count(*) FROM figures) AS figures, (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM sources) AS sources').get() as {
      figures: number;
      events: number;
      sources: number;
    };
  } finally {
    copy.close();
  }
}
