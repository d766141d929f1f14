import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/index';
import { issueDeviceCookie } from '@/db/queries/device-cookies';
import { createAdmin, resetAdminPassword } from '@/lib/auth/accounts';
import { hashDeviceToken } from '@/lib/auth/device-token';
import { signInWithPassword, WRONG_CREDENTIALS, type SignInResult } from '@/lib/auth/sign-in';
import { createTestDb } from '../helpers/db';

/**
 * OWASP's device cookies: strangers who know an editor's e-mail can lock the account, but not
 * the browsers the editor has signed in with before (lib/auth/sign-in.ts, lib/auth/throttle.ts).
 */
const PASSWORD = 'correct horse battery staple';
const EMAIL = 'editor@example.org';
const LOCKED = 'Sign-in for this e-mail address is locked after 10 failed attempts. Try again in 15 minutes, or from a browser you have signed in with before.';
const DAY = 24 * 3600_000;

let db: Db;
let file: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, file, cleanup } = createTestDb());
  await createAdmin(db, EMAIL, PASSWORD);
});
afterEach(() => cleanup());

const t0 = new Date('2024-05-01T12:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
type Options = { device?: string | null; address?: string; email?: string };
const attempt = (password: string, now: Date, o: Options = {}) =>
  signInWithPassword(db, { email: o.email ?? EMAIL, password, address: o.address ?? '203.0.113.5', device: o.device }, now);

/** Signs in and returns the device token the browser is given. */
async function deviceOf(result: Promise<SignInResult>): Promise<string> {
  const r = await result;
  if (!r.ok) throw new Error(r.message);
  return r.device.token;
}

/** Ten wrong guesses by strangers (each from an address of its own, 31 s apart) from `start`; returns the last one's message. */
async function lockByStrangers(start: Date, email = EMAIL): Promise<string> {
  let message = '';
  for (let i = 0; i < 10; i++) {
    const r = await attempt('a stranger guesses', new Date(start.getTime() + i * 31_000), { email, address: `192.0.2.${i}` });
    if (r.ok) throw new Error('a stranger signed in');
    message = r.message;
  }
  return message;
}
/** When the tenth guess of lockByStrangers(start) was made. */
const lockedAt = (start: number) => later(start + 9 * 31_000);

const accountFailures = (email = EMAIL) => db.$client.prepare("SELECT failures FROM login_attempts WHERE scope = 'account' AND key = ?").pluck().get(email) ?? 0;
const deviceFailures = (token: string) => db.$client.prepare('SELECT failures FROM device_cookies WHERE token_hash = ?').pluck().get(hashDeviceToken(token));
const deviceCount = () => db.$client.prepare('SELECT count(*) FROM device_cookies').pluck().get();

describe('a browser the editor has signed in with before', () => {
  it('still signs in while strangers have the account locked; the sign-in replaces its device cookie', async () => {
    const device = await deviceOf(attempt(PASSWORD, t0));
    expect(db.$client.prepare('SELECT token_hash FROM device_cookies').pluck().all()).toEqual([hashDeviceToken(device)]);
    expect(JSON.stringify(db.$client.prepare('SELECT * FROM device_cookies').all())).not.toContain(device);

    expect(await lockByStrangers(later(3600_000))).toBe(`${WRONG_CREDENTIALS} ${LOCKED}`);
    const now = later(3600_000 + 9 * 31_000 + 1000);
    // Any other browser is refused, the right password too.
    expect(await attempt(PASSWORD, now)).toEqual({ ok: false, message: LOCKED });
    const next = await deviceOf(attempt(PASSWORD, now, { device }));
    expect(next).not.toBe(device);
    // The strangers' lock stands for them (a trusted sign-in does not clear it)...
    expect(accountFailures()).toBe(10);
    expect(await attempt(PASSWORD, now)).toEqual({ ok: false, message: LOCKED });
    // ...and the cookie it replaced is trusted no more; the new one is.
    expect(await attempt(PASSWORD, now, { device })).toEqual({ ok: false, message: LOCKED });
    expect(await attempt(PASSWORD, now, { device: next })).toMatchObject({ ok: true });
  });

  it('has failures of its own: they slow down and lock that device only, never the account', async () => {
    const device = await deviceOf(attempt(PASSWORD, t0));
    const other = await deviceOf(attempt(PASSWORD, t0, { address: '198.51.100.200' }));
    const messages: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await attempt('a mistyped password', later(60_000 * (i + 1)), { device, address: `198.51.100.${i}` });
      messages.push(r.ok ? 'signed in' : r.message);
      if (i === 2) {
        // The device's own wait holds it back, and only it: another browser is not slowed down.
        expect(await attempt(PASSWORD, later(3 * 60_000 + 500), { device, address: '198.51.100.50' })).toEqual({ ok: false, message: 'Too many failed sign-ins. Try again in 1 second.' });
        expect(await attempt('a stranger guesses', later(3 * 60_000 + 500), { address: '192.0.2.50' })).toEqual({ ok: false, message: WRONG_CREDENTIALS });
      }
    }
    expect(messages.slice(0, 2)).toEqual([WRONG_CREDENTIALS, WRONG_CREDENTIALS]);
    expect(messages[2]).toBe(`${WRONG_CREDENTIALS} Too many failed sign-ins. Try again in 1 second.`);
    expect(deviceFailures(device)).toBe(10);
    expect(deviceFailures(other)).toBe(0);
    // The account counts the stranger's one guess, none of the device's.
    expect(accountFailures()).toBe(1);
    // The tenth failure locked the device: it is trusted no more, and answers to the account's
    // count like any other browser (which strangers have not touched: no wait).
    expect(messages[9]).toBe(WRONG_CREDENTIALS);
    expect(await attempt('another wrong one', later(11 * 60_000), { device })).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    expect([deviceFailures(device), accountFailures()]).toEqual([10, 2]);

    // Strangers lock the account: the locked device is held by that lock, the other device is not.
    await lockByStrangers(later(12 * 60_000));
    // (The account had 2 failures: the strangers' 8th guess locked it, the last two were refused.)
    const now = later(12 * 60_000 + 7 * 31_000 + 1000);
    expect(await attempt(PASSWORD, now, { device })).toEqual({ ok: false, message: LOCKED });
    expect(await attempt(PASSWORD, now, { device: other })).toMatchObject({ ok: true });
  });

  it('a device cookie of another account is ignored: the attempt is a stranger\'s', async () => {
    await createAdmin(db, 'other@example.org', PASSWORD);
    const others = await deviceOf(attempt(PASSWORD, t0, { email: 'other@example.org' }));
    expect(await attempt('wrong for the editor', later(60_000), { device: others })).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    expect([accountFailures(), deviceFailures(others)]).toEqual([1, 0]);
    await lockByStrangers(later(120_000));
    expect(await attempt(PASSWORD, lockedAt(121_000), { device: others })).toEqual({ ok: false, message: LOCKED });
    // It still works for its own account.
    expect(await attempt(PASSWORD, lockedAt(121_000), { email: 'other@example.org', device: others })).toMatchObject({ ok: true });
  });

  it('an expired device cookie is not trusted, and is forgotten at the next sign-in', async () => {
    const device = await deviceOf(attempt(PASSWORD, t0));
    const older = await deviceOf(attempt(PASSWORD, t0, { address: '198.51.100.200' }));
    // 179 days on, both are still good.
    await lockByStrangers(later(179 * DAY));
    const renewed = await deviceOf(attempt(PASSWORD, lockedAt(179 * DAY + 1000), { device }));
    // 181 days on, the one not used since has expired.
    await lockByStrangers(later(181 * DAY));
    expect(await attempt(PASSWORD, lockedAt(181 * DAY + 1000), { device: older })).toEqual({ ok: false, message: LOCKED });
    expect(deviceFailures(older)).toBe(0);
    expect(await attempt(PASSWORD, lockedAt(181 * DAY + 1000), { device: renewed })).toMatchObject({ ok: true });
    expect(deviceFailures(older)).toBeUndefined();
    expect(deviceCount()).toBe(1);
  });

  it('a password reset forgets every device cookie of the account', async () => {
    const device = await deviceOf(attempt(PASSWORD, t0));
    await createAdmin(db, 'other@example.org', PASSWORD);
    const others = await deviceOf(attempt(PASSWORD, t0, { email: 'other@example.org' }));
    await resetAdminPassword(db, EMAIL, 'another long passphrase');
    expect(db.$client.prepare('SELECT token_hash FROM device_cookies').pluck().all()).toEqual([hashDeviceToken(others)]);
    await lockByStrangers(later(60_000));
    expect(await attempt('another long passphrase', lockedAt(61_000), { device })).toEqual({ ok: false, message: LOCKED });
  });

  it('npm run admin -- reset-password forgets them too', async () => {
    await deviceOf(attempt(PASSWORD, t0));
    const env = { ...process.env, DATABASE_PATH: file, ADMIN_PASSWORD: 'another long passphrase' };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'reset-password', '--email', EMAIL], { env, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('the browsers it signed in with are trusted no more');
    expect(deviceCount()).toBe(0);
  });

  it('an unknown e-mail address is locked alike, and told exactly the same', async () => {
    const device = await deviceOf(attempt(PASSWORD, t0));
    const known = await lockByStrangers(later(60_000));
    const unknown = await lockByStrangers(later(60_000), 'nobody@example.org');
    expect(unknown).toBe(known);
    const now = lockedAt(61_000);
    const refusals = await Promise.all([
      attempt(PASSWORD, now),
      attempt(PASSWORD, now, { email: 'nobody@example.org' }),
      // The editor's device cookie, with an e-mail it was not issued for.
      attempt(PASSWORD, now, { email: 'nobody@example.org', device, address: '198.51.100.9' }),
    ]);
    expect(refusals).toEqual([{ ok: false, message: LOCKED }, { ok: false, message: LOCKED }, { ok: false, message: LOCKED }]);
  });

  it('keeps at most 20 device cookies per account: a 21st forgets the oldest', async () => {
    await createAdmin(db, 'other@example.org', PASSWORD);
    const userId = (email: string) => db.$client.prepare('SELECT id FROM admin_users WHERE email = ?').pluck().get(email) as number;
    const expiresAt = later(100 * DAY).toISOString();
    for (let i = 0; i < 20; i++) issueDeviceCookie(db, { tokenHash: hashDeviceToken(`browser ${i}`), userId: userId(EMAIL), expiresAt, keep: 20 }, later(i * 1000));
    issueDeviceCookie(db, { tokenHash: hashDeviceToken('the other editor'), userId: userId('other@example.org'), expiresAt, keep: 20 }, t0);
    expect(deviceCount()).toBe(21);
    const newest = await deviceOf(attempt(PASSWORD, later(60_000)));
    const kept = () => db.$client.prepare('SELECT token_hash FROM device_cookies WHERE user_id = ?').pluck().all(userId(EMAIL));
    expect(kept()).toHaveLength(20);
    expect(kept()).not.toContain(hashDeviceToken('browser 0'));
    expect(kept()).toContain(hashDeviceToken('browser 1'));
    expect(kept()).toContain(hashDeviceToken(newest));
    expect(deviceFailures('the other editor')).toBe(0);
    await lockByStrangers(later(120_000));
    expect(await attempt(PASSWORD, lockedAt(121_000), { device: 'browser 0' })).toEqual({ ok: false, message: LOCKED });
    expect(await attempt(PASSWORD, lockedAt(121_000), { device: 'browser 1' })).toMatchObject({ ok: true });
  });

  it('the per-address limit holds a trusted device too', async () => {
    const device = await deviceOf(attempt(PASSWORD, t0));
    for (let i = 0; i < 30; i++) await attempt('wrong', later(60_000 + i * 31_000), { address: '192.0.2.66', email: `guess${i}@example.org` });
    const now = later(60_000 + 30 * 31_000);
    expect(await attempt(PASSWORD, now, { device, address: '192.0.2.66' })).toEqual({ ok: false, message: 'Sign-in from your network address is locked after 30 failed attempts. Try again in 15 minutes.' });
    expect(await attempt(PASSWORD, now, { device })).toMatchObject({ ok: true });
  });
});
