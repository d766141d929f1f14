import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importFiguresAction } from '@/app/admin/(signed-in)/import/actions';
import { createFigureAction, retractFigureAction, updateFigureAction } from '@/app/admin/(signed-in)/figures/actions';
import { signIn, signOut } from '@/app/admin/login/actions';
import { GET as getJson } from '@/app/api/figures/route';
import { GET as getCsv } from '@/app/api/figures.csv/route';
import Database from 'better-sqlite3';
import { closeDb, type Db } from '@/db/index';
import { unlessDatabaseBusy } from '@/lib/api/responses';
import { findActiveSession } from '@/db/queries/sessions';
import { hashSessionToken, SESSION_COOKIE } from '@/lib/auth/session-token';
import { DATABASE_BUSY_MESSAGE, SIGN_OUT_BUSY_MESSAGE } from '@/lib/database-busy';
import { createSeededTestDb, dumpTables } from '../helpers/db';
import { EDITOR, figureForm, formDataOf, signedInEditor } from '../helpers/editor-session';
import { restoreEnv } from '../helpers/env';
import { expectRedirect, requestCookies } from '../helpers/next-headers';
import { holdWriteLock, type WriteLock } from '../helpers/write-lock';

vi.mock('next/headers', () => import('../helpers/next-headers'));

// Short enough to keep the suite fast; the "released in time" case sets its own, long one.
const BUSY_TIMEOUT_MS = '300';
const originalPath = process.env.DATABASE_PATH;
const originalTimeout = process.env.DATABASE_BUSY_TIMEOUT_MS;
let db: Db;
let file: string;
let cleanup: () => void;
let lock: WriteLock | undefined;

beforeEach(async () => {
  process.env.DATABASE_BUSY_TIMEOUT_MS = BUSY_TIMEOUT_MS;
  ({ db, file, cleanup } = createSeededTestDb());
  process.env.DATABASE_PATH = file;
  requestCookies.clear();
  requestCookies.set(SESSION_COOKIE, await signedInEditor(db));
});
afterEach(async () => {
  await lock?.release();
  lock = undefined;
  closeDb();
  restoreEnv('DATABASE_PATH', originalPath);
  restoreEnv('DATABASE_BUSY_TIMEOUT_MS', originalTimeout);
  cleanup();
});

const figure1 = () => db.$client.prepare('SELECT revision FROM figures WHERE id = 1').get() as { revision: number };

describe('another process holds the write lock past the busy timeout', () => {
  it.each([
    ['creating a figure', () => createFigureAction({ status: 'idle' }, formDataOf(figureForm({ note: 'typed by the editor' })))],
    ['editing a figure', () => updateFigureAction({ status: 'idle' }, formDataOf(figureForm({ figureId: '1', revision: String(figure1().revision), note: 'typed by the editor' })))],
    ['retracting a figure', () => retractFigureAction({ status: 'idle' }, formDataOf({ figureId: '1', revision: String(figure1().revision), reason: 'typed by the editor' }))],
  ])('%s: the form says the database is busy and nothing was saved, keeping what was typed', async (_what, save) => {
    const before = dumpTables(db);
    lock = await holdWriteLock(file);
    const state = await save();
    expect(state).toMatchObject({ status: 'error', message: DATABASE_BUSY_MESSAGE });
    expect(state.message).toMatch(/database is busy.*nothing was saved.*try again/i);
    expect(Object.values(state.values ?? {})).toContain('typed by the editor');
    await lock.release();
    expect(dumpTables(db)).toEqual(before);
  });

  it('an upload to the import says so and writes nothing', async () => {
    const csv = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body\n'
      + 'kazakhstan-2022-unrest,deaths,all,Testtown,exact,,7,,people,2022-03-01,Busy test ministry\n';
    const form = new FormData();
    form.set('file', new File([csv], 'busy.csv', { type: 'text/csv' }));
    form.set('reason', 'Weekly update');
    const before = dumpTables(db);
    lock = await holdWriteLock(file);
    // The reason typed stays in the form, for the next try.
    expect(await importFiguresAction({ status: 'idle' }, form)).toEqual({ status: 'error', message: `busy.csv: ${DATABASE_BUSY_MESSAGE}`, dryRun: false, reason: 'Weekly update' });
    await lock.release();
    expect(dumpTables(db)).toEqual(before);
  });

  it('signing in says the database is busy instead of failing', async () => {
    requestCookies.clear();
    lock = await holdWriteLock(file);
    const state = await signIn({ status: 'idle' }, formDataOf({ email: EDITOR.email, password: EDITOR.password }));
    expect(state).toMatchObject({ status: 'error', values: { email: EDITOR.email } });
    expect(state.message).toMatch(/database is busy.*not signed in.*try again/i);
    expect(requestCookies.has(SESSION_COOKIE)).toBe(false);
  });

  it('signing out says the database is busy and that the editor is still signed in; the cookie and the session stay, and trying again signs out', async () => {
    const token = requestCookies.get(SESSION_COOKIE)!;
    lock = await holdWriteLock(file);
    const state = await signOut();
    expect(state).toEqual({ status: 'error', message: SIGN_OUT_BUSY_MESSAGE });
    expect(state.message).toMatch(/database is busy.*not signed out.*try again/i);
    await lock.release();
    // Not signed out behind the editor's back: the session still works, the browser keeps it.
    expect(requestCookies.get(SESSION_COOKIE)).toBe(token);
    expect(findActiveSession(db, hashSessionToken(token))).toBeDefined();
    expect(await expectRedirect(() => signOut())).toBe('/admin/login?signed-out=1');
    expect(findActiveSession(db, hashSessionToken(token))).toBeUndefined();
    expect(requestCookies.get(SESSION_COOKIE)).toBe('');
  });

  it('readers are not held up: the JSON API and the CSV export answer while the lock is held', async () => {
    lock = await holdWriteLock(file);
    const json = getJson(new Request('http://localhost/api/figures?limit=500'));
    expect(json.status).toBe(200);
    expect(((await json.json()) as { data: unknown[] }).data).toHaveLength(35);
    const csv = getCsv(new Request('http://localhost/api/figures.csv'));
    expect(csv.status).toBe(200);
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(36);
  });

  it('an API read that SQLite gives up on is a 503 JSON answer with Retry-After, not a crash', async () => {
    // Under WAL a writer never blocks readers (above), and every connection of the dashboard
    // holds the WAL open, so no other process can take a lock that shuts readers out; the
    // mapping is therefore checked with the error better-sqlite3 raises when one does.
    const res = unlessDatabaseBusy(() => {
      throw new Database.SqliteError('database is locked', 'SQLITE_BUSY');
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toMatchObject({ error: DATABASE_BUSY_MESSAGE });
    expect(() => unlessDatabaseBusy(() => {
      throw new Database.SqliteError('constraint failed', 'SQLITE_CONSTRAINT_CHECK');
    })).toThrow('constraint failed');
  });
});

describe('the lock is released within the busy timeout', () => {
  it('the save waits for it and succeeds, with one audit entry', async () => {
    process.env.DATABASE_BUSY_TIMEOUT_MS = '20000';
    closeDb();
    // The child lets go by itself: this process is blocked inside SQLite's wait meanwhile.
    // Without waiting (a deferred transaction upgraded to a write) the save would fail at once.
    lock = await holdWriteLock(file, { holdMs: 300 });
    const target = await expectRedirect(() => createFigureAction({ status: 'idle' }, formDataOf(figureForm({ location: 'Waited' }))));
    const id = Number(/^\/admin\/figures\/(\d+)\?saved=created$/.exec(target)?.[1]);
    expect(db.$client.prepare('SELECT location, value_best FROM figures WHERE id = ?').get(id)).toEqual({ location: 'Waited', value_best: 42 });
    expect(db.$client.prepare("SELECT count(*) FROM audit_entries WHERE entity_type = 'figure' AND entity_id = ?").pluck().get(id)).toBe(1);
  });
});
