import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDb, type Db } from '@/db/index';
import { findActiveSession } from '@/db/queries/sessions';
import { hashSessionToken, newSessionToken, SESSION_COOKIE, SESSION_IDLE_MS, SESSION_TTL_MS } from '@/lib/auth/session-token';
import { signInWithPassword, signOutToken } from '@/lib/auth/sign-in';
import { listAdminEntryPoints, listServerActions, OPEN_ACTIONS, OPEN_ADMIN_FILES, type Located } from '../helpers/access-rules';
import { createSeededTestDb, dumpTables } from '../helpers/db';
import { EDITOR, figureForm, formDataOf, signedInEditor } from '../helpers/editor-session';
import { restoreEnv } from '../helpers/env';
import { expectRedirect, redirectTarget, requestCookies, requestHeaders } from '../helpers/next-headers';
import { SESSION_ENDED } from '@/lib/admin-action';
import { ADMIN_PATH_HEADER } from '@/lib/auth/return-path';

vi.mock('next/headers', () => import('../helpers/next-headers'));
// Next's refresh() works only inside a request; a refused stale save asks for it.
vi.mock('next/cache', async (original) => ({ ...(await original<typeof import('next/cache')>()), refresh: vi.fn() }));

const ROOT = process.cwd();
const originalPath = process.env.DATABASE_PATH;
let db: Db;
let cleanup: () => void;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  let file: string;
  ({ db, file, cleanup } = createSeededTestDb());
  process.env.DATABASE_PATH = file;
  tokens.valid = await signedInEditor(db);
  const expired = await signInWithPassword(db, { ...EDITOR, address: '203.0.113.2' }, new Date(Date.now() - SESSION_TTL_MS - 60_000));
  const revoked = await signInWithPassword(db, { ...EDITOR, address: '203.0.113.3' });
  // Signed in 31 minutes ago and not used since: 11 hours left, but idle.
  const idle = await signInWithPassword(db, { ...EDITOR, address: '203.0.113.4' }, new Date(Date.now() - SESSION_IDLE_MS - 60_000));
  if (!expired.ok || !revoked.ok || !idle.ok) throw new Error('sign-in failed');
  tokens.idle = idle.token;
  signOutToken(db, revoked.token);
  tokens.expired = expired.token;
  tokens.revoked = revoked.token;
});
afterAll(() => {
  closeDb();
  restoreEnv('DATABASE_PATH', originalPath);
  cleanup();
});

/** The cookie each kind of bad session sends (undefined: no cookie at all). */
const BAD_SESSIONS: Array<[string, () => string | undefined]> = [
  ['missing', () => undefined],
  ['empty', () => ''],
  ['expired', () => tokens.expired],
  ['idle (unused for more than 30 minutes)', () => tokens.idle],
  ['revoked (signed out)', () => tokens.revoked],
  ['forged (random token)', () => newSessionToken()],
  ['forged (the stored hash of a live session, as a stolen copy of the database would give)', () => hashSessionToken(tokens.valid!)],
];

function useCookie(token: string | undefined): void {
  requestCookies.clear();
  requestHeaders.clear();
  if (token !== undefined) requestCookies.set(SESSION_COOKIE, token);
}

/** One submission every action would accept as far as its fields go: only the session is missing. */
function anySubmission(): FormData {
  const form = formDataOf({
    ...figureForm(), figureId: '1', revision: '1', reason: 'a reason', id: '1',
    slug: 'access-test', name: 'Access test', country: 'Testland', startDate: '2022-01-01', reportingBody: 'Access test body', publishedOn: '2022-01-01',
  });
  form.set('file', new File(['event_slug\n'], 'access.csv', { type: 'text/csv' }));
  return form;
}

async function exported(entry: Located): Promise<(...args: unknown[]) => Promise<unknown>> {
  const mod = (await import(path.join(ROOT, entry.file))) as Record<string, unknown>;
  const fn = mod[entry.name];
  if (typeof fn !== 'function') throw new Error(`${entry.file} does not export ${entry.name} as a function; an inline action needs a test of its own`);
  return fn as (...args: unknown[]) => Promise<unknown>;
}

const guardedActions = listServerActions(ROOT).filter((a) => !(`${a.file}#${a.name}` in OPEN_ACTIONS));
const guardedEntryPoints = listAdminEntryPoints(ROOT).filter((e) => !(e.file in OPEN_ADMIN_FILES));

describe.each(BAD_SESSIONS)('a %s session', (_kind, cookie) => {
  it.each(guardedActions.map((a) => [`${a.file}#${a.name}`, a] as const))('%s, sent without JavaScript: sent to sign in (a 303 from the action), nothing changed', async (_name, action) => {
    const fn = await exported(action);
    useCookie(cookie());
    const before = dumpTables(db);
    let outcome: unknown;
    try {
      outcome = await fn({ status: 'idle' }, anySubmission());
    } catch (err) {
      outcome = redirectTarget(err) ?? err;
    }
    expect(outcome).toBe('/admin/login');
    expect(dumpTables(db)).toEqual(before);
  });

  it.each(guardedActions.map((a) => [`${a.file}#${a.name}`, a] as const))('%s, sent with JavaScript: refused (sent to sign-in, or told the session ended with the form kept), nothing changed', async (_name, action) => {
    const fn = await exported(action);
    useCookie(cookie());
    requestHeaders.set('next-action', 'an action id');
    const before = dumpTables(db);
    const submission = anySubmission();
    let outcome: unknown;
    try {
      outcome = await fn({ status: 'idle' }, submission);
    } catch (err) {
      outcome = redirectTarget(err) ?? err;
    }
    if (typeof outcome === 'string') expect(outcome).toBe('/admin/login');
    else expect(outcome).toMatchObject({ status: 'error', message: SESSION_ENDED, values: { name: submission.get('name') } });
    expect(dumpTables(db)).toEqual(before);
  });

  it.each(guardedEntryPoints.map((e) => [`${e.file} ${e.name}`, e] as const))('%s: sent to sign-in', async (_name, entry) => {
    const fn = await exported(entry);
    useCookie(cookie());
    const props = { params: Promise.resolve({ id: '1' }), searchParams: Promise.resolve({}), children: null };
    const args = entry.name === 'default' ? [props] : [new Request('http://localhost/admin'), { params: props.params }];
    expect(await expectRedirect(() => fn(...args))).toBe('/admin/login');
  });
});

describe('a valid session (the control: the refusals above are about the session, not the submission)', () => {
  it.each(guardedActions.map((a) => [`${a.file}#${a.name}`, a] as const))('%s is let in', async (_name, action) => {
    const fn = await exported(action);
    useCookie(tokens.valid);
    let outcome: unknown;
    try {
      outcome = await fn({ status: 'idle' }, anySubmission());
    } catch (err) {
      outcome = redirectTarget(err) ?? err;
    }
    expect(outcome).not.toBe('/admin/login');
    expect(outcome).not.toMatchObject({ message: SESSION_ENDED });
    expect(outcome).not.toBeInstanceOf(Error);
  });
});

describe('signing out with a bad session', () => {
  it.each(BAD_SESSIONS)('%s: signs nobody else out and changes nothing else', async (_kind, cookie) => {
    const { signOut } = await import('@/app/admin/login/actions');
    useCookie(cookie());
    // Signing out revokes only the presented token's own session (an expired one gets its
    // revoked_at too, which is harmless); nothing else may change.
    const { sessions: _s, ...before } = dumpTables(db);
    expect(await expectRedirect(() => signOut())).toBe('/admin/login?signed-out=1');
    const { sessions: _t, ...after } = dumpTables(db);
    expect(after).toEqual(before);
    expect(findActiveSession(db, hashSessionToken(tokens.valid!))).toMatchObject({ email: EDITOR.email });
  });
});

describe('a form sent after its session ended', () => {
  it('keeps what was typed when sent with JavaScript, and sends a form sent without it to sign in, back to its page', async () => {
    const { createFigureAction } = await import('@/app/admin/(signed-in)/figures/actions');
    useCookie(tokens.idle);
    requestHeaders.set('next-action', 'an action id');
    const submission = anySubmission();
    expect(await createFigureAction({ status: 'idle' }, submission)).toMatchObject({ status: 'error', message: SESSION_ENDED, values: { location: submission.get('location') } });
    useCookie(tokens.idle);
    requestHeaders.set(ADMIN_PATH_HEADER, '/admin/figures/new');
    // Kept for the editor (tests/integration/unsent-form.test.ts), which the sign-in page is told.
    expect(await expectRedirect(() => createFigureAction({ status: 'idle' }, anySubmission()))).toBe('/admin/login?next=%2Fadmin%2Ffigures%2Fnew&kept=1');
    db.$client.prepare('DELETE FROM unsent_forms').run();
  });
});
