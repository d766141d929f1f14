import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDb, type Db } from '@/db/index';
import { deleteExpiredSessions } from '@/db/queries/sessions';
import { findFigure } from '@/db/queries/figure-admin';
import { createAdmin } from '@/lib/auth/accounts';
import { ADMIN_PATH_HEADER } from '@/lib/auth/return-path';
import { SESSION_COOKIE, SESSION_IDLE_MS, SESSION_TTL_MS } from '@/lib/auth/session-token';
import { signInWithPassword, signOutToken } from '@/lib/auth/sign-in';
import { keepUnsent, takeUnsent } from '@/lib/unsent-form';
import { UNSENT_FORM_MAX_BYTES, UNSENT_RESTORED } from '@/lib/unsent-form-rules';
import { updateFigureAction } from '@/app/admin/(signed-in)/figures/actions';
import { createSeededTestDb } from '../helpers/db';
import { EDITOR, figureFormOpenedOn, formDataOf, signedInEditor } from '../helpers/editor-session';
import { restoreEnv } from '../helpers/env';
import { expectRedirect, requestCookies, requestHeaders } from '../helpers/next-headers';
import type { SessionUser } from '@/db/queries/sessions';

vi.mock('next/headers', () => import('../helpers/next-headers'));
vi.mock('next/cache', async (original) => ({ ...(await original<typeof import('next/cache')>()), refresh: vi.fn() }));

const OTHER = { email: 'other@example.org', password: 'a quite different pass phrase' };
const originalPath = process.env.DATABASE_PATH;
let db: Db;
let cleanup: () => void;
let editorId: number;
let otherId: number;

beforeAll(async () => {
  let file: string;
  ({ db, file, cleanup } = createSeededTestDb());
  process.env.DATABASE_PATH = file;
  await signedInEditor(db);
  await createAdmin(db, OTHER.email, OTHER.password);
  const ids = db.$client.prepare('SELECT id FROM admin_users WHERE email = ?').pluck();
  editorId = ids.get(EDITOR.email) as number;
  otherId = ids.get(OTHER.email) as number;
});
afterAll(() => {
  closeDb();
  restoreEnv('DATABASE_PATH', originalPath);
  cleanup();
});
afterEach(() => {
  requestCookies.clear();
  requestHeaders.clear();
  db.$client.prepare('DELETE FROM unsent_forms').run();
});

/** A session of the editor that ended unused: the cookie a browser left open over lunch sends. */
async function idleToken(address = '203.0.113.40'): Promise<string> {
  const result = await signInWithPassword(db, { ...EDITOR, address }, new Date(Date.now() - SESSION_IDLE_MS - 60_000));
  if (!result.ok) throw new Error(result.message);
  return result.token;
}

/** The request a browser without JavaScript sends from `path` with `token` as its cookie. */
function requestFrom(path: string, token: string | undefined): void {
  requestCookies.clear();
  requestHeaders.clear();
  if (token !== undefined) requestCookies.set(SESSION_COOKIE, token);
  requestHeaders.set(ADMIN_PATH_HEADER, path);
}

const kept = () => db.$client.prepare('SELECT user_id AS userId, path, form, fields FROM unsent_forms ORDER BY id').all() as Array<{ userId: number; path: string; form: string; fields: string }>;
const user = (userId: number): SessionUser => ({ sessionId: 0, userId, email: '', expiresAt: '', lastSeenAt: null });

describe('a form sent without JavaScript after its session ended', () => {
  it('is kept for the session’s editor, and the editor is sent to sign in, told so; nothing is saved', async () => {
    const form = { ...figureFormOpenedOn(db, 1, '1'), note: 'typed before lunch' };
    requestFrom('/admin/figures/1?saved=updated', await idleToken());
    const target = await expectRedirect(() => updateFigureAction({ status: 'idle' }, formDataOf(form)));
    expect(target).toBe('/admin/login?next=%2Fadmin%2Ffigures%2F1%3Fsaved%3Dupdated&kept=1');
    expect(findFigure(db, 1)).toMatchObject({ revision: 1 });
    expect(kept()).toEqual([{ userId: editorId, path: '/admin/figures/1', form: 'figure.update', fields: JSON.stringify(form) }]);
  });

  it.each([
    ['signed out', async () => {
      const t = await idleToken('203.0.113.41');
      signOutToken(db, t);
      return t;
    }],
    ['expired but not yet forgotten', async () => {
      const r = await signInWithPassword(db, { ...EDITOR, address: '203.0.113.42' }, new Date(Date.now() - SESSION_TTL_MS - 60_000));
      if (!r.ok) throw new Error(r.message);
      return r.token;
    }],
  ])('is kept when the session was %s', async (_kind, token) => {
    requestFrom('/admin/figures/1', await token());
    await expectRedirect(() => updateFigureAction({ status: 'idle' }, formDataOf(figureFormOpenedOn(db, 1, '1'))));
    expect(kept().map((k) => k.userId)).toEqual([editorId]);
  });

  it.each([
    ['no cookie', undefined],
    ['a token no session has', 'made-up-token'],
  ])('is not kept with %s (and the sign-in page is not told it was)', async (_kind, token) => {
    requestFrom('/admin/figures/1', token);
    expect(await expectRedirect(() => updateFigureAction({ status: 'idle' }, formDataOf(figureFormOpenedOn(db, 1, '1'))))).toBe('/admin/login?next=%2Fadmin%2Ffigures%2F1');
    expect(kept()).toEqual([]);
  });

  it('is not kept when sent with JavaScript: the form keeps it itself', async () => {
    requestFrom('/admin/figures/1', await idleToken('203.0.113.43'));
    requestHeaders.set('next-action', 'an action id');
    expect(await updateFigureAction({ status: 'idle' }, formDataOf(figureFormOpenedOn(db, 1, '1')))).toMatchObject({ status: 'error', signInAgain: true });
    expect(kept()).toEqual([]);
  });

  it('is not kept when larger than any form sends', async () => {
    requestFrom('/admin/figures/1', await idleToken('203.0.113.44'));
    expect(await keepUnsent('figure.update', { note: 'x'.repeat(UNSENT_FORM_MAX_BYTES) })).toBe(false);
    expect(await keepUnsent('figure.update', { note: 'x'.repeat(UNSENT_FORM_MAX_BYTES - 20) })).toBe(true);
    expect(kept()).toHaveLength(1);
  });

  it('replaces the same form of the same page sent before, and keeps other forms and pages apart', async () => {
    requestFrom('/admin/figures/1', await idleToken('203.0.113.45'));
    await keepUnsent('figure.update', { note: 'first' });
    await keepUnsent('figure.update', { note: 'second' });
    await keepUnsent('figure.retract', { reason: 'a reason' });
    requestHeaders.set(ADMIN_PATH_HEADER, '/admin/figures/2');
    await keepUnsent('figure.update', { note: 'elsewhere' });
    expect(kept().map((k) => [k.path, k.form, JSON.parse(k.fields)])).toEqual([
      ['/admin/figures/1', 'figure.update', { note: 'second' }],
      ['/admin/figures/1', 'figure.retract', { reason: 'a reason' }],
      ['/admin/figures/2', 'figure.update', { note: 'elsewhere' }],
    ]);
  });
});

describe('putting a kept form back', () => {
  it('gives it to its editor on its page once, as a refused form’s answer with what was typed', async () => {
    requestFrom('/admin/figures/1', await idleToken('203.0.113.46'));
    await keepUnsent('figure.update', { note: 'typed before lunch', valueBest: '43' });
    await keepUnsent('figure.retract', { reason: 'withdrawn' });
    requestHeaders.set(ADMIN_PATH_HEADER, '/admin/figures/2');
    expect(await takeUnsent(user(editorId))).toEqual({});
    requestHeaders.set(ADMIN_PATH_HEADER, '/admin/figures/1?saved=updated');
    expect(await takeUnsent(user(editorId))).toEqual({
      'figure.update': { status: 'error', message: UNSENT_RESTORED, values: { note: 'typed before lunch', valueBest: '43' }, key: 0 },
      'figure.retract': { status: 'error', message: UNSENT_RESTORED, values: { reason: 'withdrawn' }, key: 0 },
    });
    expect(await takeUnsent(user(editorId))).toEqual({});
    expect(kept()).toEqual([]);
  });

  it('never gives it to another editor signed in on the same browser', async () => {
    requestFrom('/admin/figures/1', await idleToken('203.0.113.47'));
    await keepUnsent('figure.update', { note: 'private draft' });
    expect(await takeUnsent(user(otherId))).toEqual({});
    expect(kept()).toHaveLength(1);
  });

  it('forgets one sent longer ago than a session lasts, and one whose stored fields are not text', async () => {
    requestFrom('/admin/figures/1', await idleToken('203.0.113.48'));
    await keepUnsent('figure.update', { note: 'old' }, new Date(Date.now() - SESSION_TTL_MS - 60_000));
    await keepUnsent('figure.retract', { reason: 'fine' });
    db.$client.prepare("UPDATE unsent_forms SET fields = '{\"reason\":7}' WHERE form = 'figure.retract'").run();
    expect(await takeUnsent(user(editorId))).toEqual({});
    expect(kept()).toEqual([]);
  });

  it('a later form forgets those sent longer ago than a session lasts, whoever sent them', async () => {
    requestFrom('/admin/figures/1', await idleToken('203.0.113.49'));
    await keepUnsent('figure.update', { note: 'old' }, new Date(Date.now() - SESSION_TTL_MS - 60_000));
    requestHeaders.set(ADMIN_PATH_HEADER, '/admin/figures/2');
    await keepUnsent('figure.update', { note: 'new' });
    expect(kept().map((k) => k.path)).toEqual(['/admin/figures/2']);
  });
});

describe('sessions that ended', () => {
  it('are forgotten only once they would have expired, so that a form sent meanwhile finds its editor', async () => {
    const idle = await idleToken('203.0.113.50');
    deleteExpiredSessions(db);
    requestFrom('/admin/figures/1', idle);
    expect(await keepUnsent('figure.update', { note: 'still mine' })).toBe(true);
    deleteExpiredSessions(db, new Date(Date.now() + SESSION_TTL_MS));
    expect(await keepUnsent('figure.update', { note: 'too late' })).toBe(false);
  });
});
