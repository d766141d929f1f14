import { randomBytes, scrypt } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/index';
import { findActiveSession, touchSession } from '@/db/queries/sessions';
import { AccountError, createAdmin, resetAdminPassword } from '@/lib/auth/accounts';
import { hashSessionToken } from '@/lib/auth/session-token';
import { signInWithPassword, signOutToken, WRONG_CREDENTIALS } from '@/lib/auth/sign-in';
import { createTestDb } from '../helpers/db';

const PASSWORD = 'correct horse battery staple';
let db: Db;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, cleanup } = createTestDb());
  await createAdmin(db, 'Editor@Example.org', PASSWORD);
});
afterEach(() => cleanup());

const t0 = new Date('2024-05-01T12:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const attempt = (password: string, now: Date, address = '203.0.113.5', email = 'editor@example.org') => signInWithPassword(db, { email, password, address }, now);

describe('accounts', () => {
  it('refuses a weak password, a taken e-mail, and resetting an unknown account', async () => {
    await expect(createAdmin(db, 'new@example.org', 'short')).rejects.toThrow(new AccountError('Password refused: Use at least 12 characters (this has 5).'));
    await expect(createAdmin(db, 'EDITOR@example.org', PASSWORD)).rejects.toThrow('An account for editor@example.org already exists; use reset-password to change its password.');
    await expect(resetAdminPassword(db, 'nobody@example.org', PASSWORD)).rejects.toThrow('There is no account for nobody@example.org');
    expect(db.$client.prepare('SELECT password_hash FROM admin_users').pluck().get()).toMatch(/^scrypt\$32768\$8\$3\$/);
  });
});

describe('sign-in and sessions', () => {
  it('opens a 12-hour session stored only by the hash of its token', async () => {
    const result = await attempt(PASSWORD, t0);
    if (!result.ok) throw new Error(result.message);
    expect(result.expiresAt.toISOString()).toBe('2024-05-02T00:00:00.000Z');
    expect(db.$client.prepare('SELECT token_hash FROM sessions').pluck().get()).toBe(hashSessionToken(result.token));
    expect(JSON.stringify(db.$client.prepare('SELECT * FROM sessions').all())).not.toContain(result.token);
    // Used a minute before each look (a session unused for 30 minutes ends: session-idle.test.ts).
    const session = findActiveSession(db, hashSessionToken(result.token), t0)!;
    touchSession(db, session.sessionId, later(11 * 3600_000 - 60_000));
    expect(findActiveSession(db, hashSessionToken(result.token), later(11 * 3600_000))).toMatchObject({ email: 'editor@example.org' });
    touchSession(db, session.sessionId, later(12 * 3600_000 - 60_000));
    expect(findActiveSession(db, hashSessionToken(result.token), later(12 * 3600_000))).toBeUndefined();
  });

  it('signing in again ends the session the browser had, and forgets expired sessions', async () => {
    const first = await attempt(PASSWORD, t0);
    const other = await attempt(PASSWORD, t0, '198.51.100.7');
    if (!first.ok || !other.ok) throw new Error('not signed in');
    // Both in use until a minute before the new sign-in.
    for (const token of [first.token, other.token]) touchSession(db, findActiveSession(db, hashSessionToken(token), t0)!.sessionId, later(3600_000 - 60_000));
    const again = await signInWithPassword(db, { email: 'editor@example.org', password: PASSWORD, address: '203.0.113.5', replacing: first.token }, later(3600_000));
    if (!again.ok) throw new Error(again.message);
    expect(findActiveSession(db, hashSessionToken(first.token), later(3600_000))).toBeUndefined();
    expect(findActiveSession(db, hashSessionToken(other.token), later(3600_000))).toMatchObject({ email: 'editor@example.org' });
    // A day later both of the first sessions have expired: the next sign-in deletes them.
    expect(await attempt(PASSWORD, later(26 * 3600_000))).toMatchObject({ ok: true });
    expect(db.$client.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(1);
  });

  it('makes a hash of weaker parameters again at the next sign-in, keeping the sessions', async () => {
    // A hash as made before the parameters were raised (p = 1).
    const weak = await new Promise<string>((resolve, reject) => {
      const salt = randomBytes(16);
      scrypt(PASSWORD, salt, 64, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(['scrypt', 2 ** 15, 8, 1, salt.toString('base64'), key.toString('base64')].join('$'))));
    });
    db.$client.prepare('UPDATE admin_users SET password_hash = ?').run(weak);
    const first = await attempt(PASSWORD, t0);
    if (!first.ok) throw new Error(first.message);
    const stored = db.$client.prepare('SELECT password_hash FROM admin_users').pluck().get() as string;
    expect(stored).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(findActiveSession(db, hashSessionToken(first.token), later(1))).toBeDefined();
    // The same password signs in with the new hash, which is kept as it is.
    expect(await attempt(PASSWORD, later(2))).toMatchObject({ ok: true });
    expect(db.$client.prepare('SELECT password_hash FROM admin_users').pluck().get()).toBe(stored);
  });

  it('signing out revokes the session at once', async () => {
    const result = await attempt(PASSWORD, new Date());
    if (!result.ok) throw new Error(result.message);
    signOutToken(db, result.token);
    expect(findActiveSession(db, hashSessionToken(result.token))).toBeUndefined();
  });

  it('resetting the password ends every session of the account', async () => {
    const result = await attempt(PASSWORD, new Date());
    if (!result.ok) throw new Error(result.message);
    await resetAdminPassword(db, 'editor@example.org', 'another long passphrase');
    expect(findActiveSession(db, hashSessionToken(result.token))).toBeUndefined();
    expect(await attempt(PASSWORD, later(0))).toEqual({ ok: false, message: WRONG_CREDENTIALS });
  });

  it('says the same for an unknown account as for a wrong password', async () => {
    expect(await attempt('wrong password here', t0, '203.0.113.9', 'nobody@example.org')).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    expect(await attempt('wrong password here', t0)).toEqual({ ok: false, message: WRONG_CREDENTIALS });
  });
});

describe('repeated failures', () => {
  it('slow an account down after 3 failures, lock it after 10, and refuse even the right password meanwhile', async () => {
    for (let i = 0; i < 2; i++) expect(await attempt('wrong', later(i))).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    expect(await attempt('wrong', later(2))).toEqual({ ok: false, message: `${WRONG_CREDENTIALS} Too many failed sign-ins. Try again in 1 second.` });
    expect(await attempt(PASSWORD, later(500))).toEqual({ ok: false, message: 'Too many failed sign-ins. Try again in 1 second.' });
    // From another address the account still waits: the count is per account too.
    expect(await attempt(PASSWORD, later(500), '198.51.100.7')).toMatchObject({ ok: false });
    let now = 1002;
    let last;
    for (let failures = 3; failures < 10; failures++) {
      now += 60_000;
      last = await attempt('wrong', later(now));
    }
    // The failure that locks says so.
    expect(last).toEqual({ ok: false, message: `${WRONG_CREDENTIALS} Sign-in for this e-mail address is locked after 10 failed attempts. Try again in 15 minutes, or from a browser you have signed in with before.` });
    expect(await attempt(PASSWORD, later(now + 60_000))).toEqual({ ok: false, message: 'Sign-in for this e-mail address is locked after 10 failed attempts. Try again in 14 minutes, or from a browser you have signed in with before.' });
    expect(await attempt(PASSWORD, later(now + 15 * 60_000))).toMatchObject({ ok: true });
    expect(db.$client.prepare("SELECT count(*) FROM login_attempts WHERE scope = 'account'").pluck().get()).toBe(0);
    // A success clears the account's count (the address, with 11 failures, still counts its own).
    expect(await attempt('wrong', later(now + 15 * 60_000 + 1), '198.51.100.8')).toEqual({ ok: false, message: WRONG_CREDENTIALS });
  });

  it('lock a client address that guesses across many accounts', async () => {
    for (let i = 0; i < 30; i++) await attempt('wrong', later(i * 31_000), '192.0.2.66', `guess${i}@example.org`);
    expect(await attempt(PASSWORD, later(30 * 31_000), '192.0.2.66')).toEqual({ ok: false, message: 'Sign-in from your network address is locked after 30 failed attempts. Try again in 15 minutes.' });
    expect(await attempt(PASSWORD, later(30 * 31_000), '192.0.2.67')).toMatchObject({ ok: true });
  });

  it('cannot be sent all at once past the count: attempts for one account or from one address run one after another', async () => {
    // 40 guesses sent together, the right password last: before, every one was checked (the count
    // was read before any failure was written) and the last signed in. Now each reads the count
    // the one before left: 3 are checked, then the account must wait, and so must the rest.
    const burst = await Promise.all([...Array.from({ length: 39 }, (_, i) => attempt(`wrong ${i}`, t0)), attempt(PASSWORD, t0)]);
    const messages = burst.map((r) => (r.ok ? 'signed in' : r.message));
    expect(messages.slice(0, 3).every((m) => m.startsWith(WRONG_CREDENTIALS))).toBe(true);
    // The rest are refused without their password being checked, the right one too.
    expect(new Set(messages.slice(3))).toEqual(new Set(['Too many failed sign-ins. Try again in 1 second.']));
    const counts = db.$client.prepare('SELECT scope, failures FROM login_attempts ORDER BY scope').all();
    expect(counts).toEqual([{ scope: 'account', failures: 3 }, { scope: 'address', failures: 3 }]);
  });
});
