import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb, openDatabase, withoutWaiting, type Db } from '@/db/index';
import { findActiveSession } from '@/db/queries/sessions';
import { currentAdmin } from '@/lib/auth/session';
import { hashSessionToken, SESSION_COOKIE, SESSION_IDLE_MS, SESSION_TTL_MS } from '@/lib/auth/session-token';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { createSeededTestDb } from '../helpers/db';
import { EDITOR, signedInEditor } from '../helpers/editor-session';
import { restoreEnv } from '../helpers/env';
import { requestCookies } from '../helpers/next-headers';

vi.mock('next/headers', () => import('../helpers/next-headers'));

const MINUTE = 60_000;
const originalPath = process.env.DATABASE_PATH;
let db: Db;
let file: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ db, file, cleanup } = createSeededTestDb());
  process.env.DATABASE_PATH = file;
  await signedInEditor(db);
});
afterAll(() => {
  closeDb();
  restoreEnv('DATABASE_PATH', originalPath);
  cleanup();
});
afterEach(() => requestCookies.clear());

/** Signs the editor in at `at`, and sends that session's cookie with the next requests. */
async function signInAt(at: Date, address: string): Promise<string> {
  const result = await signInWithPassword(db, { ...EDITOR, address }, at);
  if (!result.ok) throw new Error(result.message);
  requestCookies.set(SESSION_COOKIE, result.token);
  return result.token;
}

const lastSeen = (token: string) => db.$client.prepare('SELECT last_seen_at FROM sessions WHERE token_hash = ?').pluck().get(hashSessionToken(token));

describe('a session unused for 30 minutes', () => {
  it('is still good a moment before the 30 minutes', async () => {
    const start = new Date(Date.now() - 10 * MINUTE);
    await signInAt(start, '198.51.100.1');
    expect(await currentAdmin(new Date(start.getTime() + SESSION_IDLE_MS - 1))).toMatchObject({ email: EDITOR.email });
  });

  it('is refused at 30 minutes without a request, and forgotten at the first sign-in after it would have expired', async () => {
    const start = new Date('2030-05-01T12:00:00Z');
    const token = await signInAt(start, '198.51.100.2');
    expect(await currentAdmin(new Date(start.getTime() + SESSION_IDLE_MS))).toBeNull();
    expect(lastSeen(token)).toBe(start.toISOString());
    // Kept while it lasts, so that a form its browser sends finds its editor (unsent-form.test.ts).
    await signInWithPassword(db, { ...EDITOR, address: '198.51.100.3' }, new Date(start.getTime() + SESSION_IDLE_MS));
    expect(lastSeen(token)).toBe(start.toISOString());
    expect(await currentAdmin(new Date(start.getTime() + SESSION_IDLE_MS + 1))).toBeNull();
    await signInWithPassword(db, { ...EDITOR, address: '198.51.100.3' }, new Date(start.getTime() + SESSION_TTL_MS));
    expect(lastSeen(token)).toBeUndefined();
  });

  it('is kept by use: each request writes down the use, at most once a minute', async () => {
    const start = new Date('2031-05-01T12:00:00Z');
    const token = await signInAt(start, '198.51.100.4');
    const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
    // Within the minute nothing is written; after it, the use is.
    await currentAdmin(new Date(at(1).getTime() - 1));
    expect(lastSeen(token)).toBe(start.toISOString());
    await currentAdmin(at(20));
    expect(lastSeen(token)).toBe(at(20).toISOString());
    await currentAdmin(at(45));
    expect(lastSeen(token)).toBe(at(45).toISOString());
    // 74 minutes after sign-in, 29 after the last request: still signed in; 30 after it: not.
    expect(await currentAdmin(at(74))).toMatchObject({ email: EDITOR.email });
    expect(await currentAdmin(at(104))).toBeNull();
  });

  it('lets the editor in without waiting while another process writes, and writes the use down later', async () => {
    const start = new Date();
    const token = await signInAt(start, '198.51.100.5');
    const other = openDatabase(file);
    other.$client.exec('BEGIN IMMEDIATE');
    try {
      const later = new Date(start.getTime() + 5 * MINUTE);
      const began = performance.now();
      expect(await currentAdmin(later)).toMatchObject({ email: EDITOR.email });
      // Not the 5 s busy timeout a write would wait for the lock.
      expect(performance.now() - began).toBeLessThan(2_000);
      expect(lastSeen(token)).toBe(start.toISOString());
    } finally {
      other.$client.exec('ROLLBACK');
      other.$client.close();
    }
    // The connection waits for locks again as before (a save under contention must not fail at once).
    expect(getDb().$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    const later = new Date(start.getTime() + 6 * MINUTE);
    await currentAdmin(later);
    expect(lastSeen(token)).toBe(later.toISOString());
    expect(getDb().$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(findActiveSession(db, hashSessionToken(token), later)).toBeDefined();
  });
});

describe('a write that does not wait for the lock', () => {
  it('restores the connection’s own busy timeout after it, and is refused inside a transaction', () => {
    const own = openDatabase(file);
    try {
      own.$client.pragma('busy_timeout = 1234');
      expect(withoutWaiting(own, () => own.$client.pragma('busy_timeout', { simple: true }))).toBe(0);
      expect(own.$client.pragma('busy_timeout', { simple: true })).toBe(1234);
      expect(() => withoutWaiting(own, () => { throw new Error('failed write'); })).toThrow('failed write');
      expect(own.$client.pragma('busy_timeout', { simple: true })).toBe(1234);
      own.$client.exec('BEGIN');
      expect(() => withoutWaiting(own, () => 1)).toThrow(/inside a transaction/);
      own.$client.exec('ROLLBACK');
    } finally {
      own.$client.close();
    }
  });
});
