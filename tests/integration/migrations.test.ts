import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/index';
import { migrateDatabase, migrationsFolder } from '@/db/migrate';

type Journal = { entries: Array<{ idx: number; when: number; tag: string }> };
const journal = (): Journal => JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-migrations-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A database migrated only up to (and including) the migration tagged `lastTag`, as an older version left it. */
function databaseAsOf(lastTag: string): Db {
  const folder = tempDir();
  const entries = journal().entries;
  const upTo = entries.slice(0, entries.findIndex((e) => e.tag === lastTag) + 1);
  fs.mkdirSync(path.join(folder, 'meta'));
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal(), entries: upTo }));
  for (const e of upTo) fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  const db = openDatabase(path.join(tempDir(), 'old.db'));
  migrate(db, { migrationsFolder: folder });
  return db;
}

const columns = (db: Db, table: string) => (db.$client.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as Array<{ name: string }>).map((c) => c.name);

describe('the committed migrations', () => {
  it('are applied in the order they were made: drizzle applies only those newer than the last one applied', () => {
    // A migration whose `when` is older than one already applied is silently skipped, so after a
    // merge every entry must be newer than the one before it, and named by its position.
    const entries = journal().entries;
    for (const [i, e] of entries.entries()) {
      expect(e.tag.slice(0, 4), e.tag).toBe(String(e.idx).padStart(4, '0'));
      expect(fs.existsSync(path.join(migrationsFolder, `${e.tag}.sql`)), `${e.tag}.sql`).toBe(true);
      expect(fs.existsSync(path.join(migrationsFolder, 'meta', `${e.tag.slice(0, 4)}_snapshot.json`)), `${e.tag} snapshot`).toBe(true);
      if (i > 0) {
        expect(e.idx, e.tag).toBeGreaterThan(entries[i - 1]!.idx);
        expect(e.when, `${e.tag} must be newer than ${entries[i - 1]!.tag}`).toBeGreaterThan(entries[i - 1]!.when);
      }
    }
  });

  it('0005 drops the unused lock-out columns of admin_users, keeping every account', () => {
    const db = databaseAsOf('0003_login_attempts');
    db.$client.prepare("INSERT INTO admin_users (email, password_hash, failed_attempts, locked_until) VALUES ('old@example.org', 'scrypt$x', 4, '2030-01-01T00:00:00.000Z')").run();
    expect(columns(db, 'admin_users')).toContain('locked_until');
    migrateDatabase(db);
    expect(columns(db, 'admin_users')).toEqual(['id', 'email', 'password_hash', 'created_at', 'updated_at']);
    expect(db.$client.prepare('SELECT email, password_hash AS hash FROM admin_users').all()).toEqual([{ email: 'old@example.org', hash: 'scrypt$x' }]);
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
    db.$client.close();
  });
});
