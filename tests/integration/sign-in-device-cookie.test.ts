import { beforeEach, describe, expect, it, vi } from 'vitest';
import { signIn, signOut } from '@/app/admin/login/actions';
import type { Db } from '@/db/index';
import { DEVICE_COOKIE } from '@/lib/auth/device-cookie';
import { hashDeviceToken } from '@/lib/auth/device-token';
import { SESSION_COOKIE } from '@/lib/auth/session-token';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { editorAccountDb } from '../helpers/editor-account-db';
import { EDITOR, formDataOf } from '../helpers/editor-session';
import { expectRedirect, requestCookies } from '../helpers/next-headers';
import { serveTestDatabases } from '../helpers/served-db';

vi.mock('next/headers', () => import('../helpers/next-headers'));

/** The sign-in and sign-out actions with the device cookie, as a browser would send and keep it. */
const serve = serveTestDatabases();
let db: Db;
beforeEach(async () => {
  db = await editorAccountDb(serve);
});

const LOCKED = 'Sign-in for this e-mail address is locked after 10 failed attempts. Try again in 15 minutes, or from a browser you have signed in with before.';
const signInForm = (password: string) => formDataOf({ email: EDITOR.email, password });

/** Ten wrong guesses by strangers from other addresses, the last a second ago. */
async function lockByStrangers(): Promise<void> {
  const start = Date.now() - 9 * 31_000 - 1000;
  for (let i = 0; i < 10; i++) await signInWithPassword(db, { email: EDITOR.email, password: 'a stranger guesses', address: `192.0.2.${i}` }, new Date(start + i * 31_000));
}

describe('the device cookie through the sign-in action', () => {
  it('is given at sign-in, kept at sign-out, and lets its browser sign in while the account is locked; each sign-in gives a new one', async () => {
    expect(await expectRedirect(() => signIn({ status: 'idle' }, signInForm(EDITOR.password)))).toBe('/admin/figures');
    const first = requestCookies.get(DEVICE_COOKIE);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(db.$client.prepare('SELECT token_hash FROM device_cookies').pluck().all()).toEqual([hashDeviceToken(first!)]);

    expect(await expectRedirect(() => signOut())).toBe('/admin/login?signed-out=1');
    expect(requestCookies.get(DEVICE_COOKIE)).toBe(first);
    requestCookies.delete(SESSION_COOKIE);

    await lockByStrangers();
    expect(await expectRedirect(() => signIn({ status: 'idle' }, signInForm(EDITOR.password)))).toBe('/admin/figures');
    const second = requestCookies.get(DEVICE_COOKIE);
    expect(second).not.toBe(first);
    expect(db.$client.prepare('SELECT token_hash FROM device_cookies').pluck().all()).toEqual([hashDeviceToken(second!)]);

    // A browser without it is refused, and told that one signed in with before still can.
    requestCookies.clear();
    const refused = await signIn({ status: 'idle' }, signInForm(EDITOR.password));
    expect(refused).toMatchObject({ status: 'error', message: LOCKED });
    expect(requestCookies.has(DEVICE_COOKIE)).toBe(false);
    // Nor does the cookie it replaced help.
    requestCookies.set(DEVICE_COOKIE, first!);
    expect(await signIn({ status: 'idle' }, signInForm(EDITOR.password))).toMatchObject({ status: 'error', message: LOCKED });
  });
});
