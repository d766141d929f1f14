import crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { hashPassword, needsRehash, SCRYPT_PARAMS, verifyPassword } from '@/lib/auth/password';
import { hashSessionToken, idleSince, isHttpsRequest, newSessionToken, sessionNeedsTouch, SESSION_IDLE_MS, SESSION_TTL_MS } from '@/lib/auth/session-token';
import { DEVICE_COOKIE, deviceCookieOptions } from '@/lib/auth/device-cookie';
import { DEVICE_COOKIES_PER_ACCOUNT, DEVICE_TTL_MS, hashDeviceToken, newDeviceToken } from '@/lib/auth/device-token';
import { ACCOUNT_POLICY, activeFailures, ADDRESS_POLICY, DEVICE_POLICY, msUntilAllowed, signInWait, signInWaitMessage, tooManyAttemptsMessage, trustsDevice, waitAfterFailures } from '@/lib/auth/throttle';

describe('password hashing (scrypt)', () => {
  it('stores the parameters, a random salt and the hash, and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    const [scheme, N, r, p, salt, hash] = stored.split('$');
    expect([scheme, Number(N), Number(r), Number(p)]).toEqual(['scrypt', SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p]);
    expect(SCRYPT_PARAMS.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(hash ?? '', 'base64')).toHaveLength(64);
    expect(stored).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts each hash, so one password never hashes the same twice', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('checks a hash with the parameters stored in it', async () => {
    const stored = await hashPassword('parameters travel along');
    const raised = stored.replace(`$${SCRYPT_PARAMS.N}$`, `$${SCRYPT_PARAMS.N * 2}$`);
    expect(await verifyPassword('parameters travel along', raised)).toBe(false);
  });

  it('checks a hash made with less work in the time of today’s settings, and marks it to be made again', async () => {
    const stored = await hashPassword('an older hash of it');
    const older = await new Promise<string>((resolve, reject) => {
      const salt = crypto.randomBytes(16);
      crypto.scrypt('an older hash of it', salt, 64, { N: SCRYPT_PARAMS.N, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (err, key) =>
        err ? reject(err) : resolve(['scrypt', SCRYPT_PARAMS.N, 8, 1, salt.toString('base64'), key.toString('base64')].join('$')),
      );
    });
    expect([needsRehash(stored), needsRehash(older)]).toEqual([false, true]);
    const spy = vi.spyOn(crypto, 'scrypt');
    try {
      expect(await verifyPassword('an older hash of it', older)).toBe(true);
      expect(await verifyPassword('wrong', older)).toBe(false);
      // Each check of the older hash: its own p = 1, then the p = 2 it lacks.
      expect(spy.mock.calls.map((c) => (c[3] as { p: number }).p)).toEqual([1, SCRYPT_PARAMS.p - 1, 1, SCRYPT_PARAMS.p - 1]);
      spy.mockClear();
      await verifyPassword('an older hash of it', stored);
      expect(spy.mock.calls.map((c) => (c[3] as { p: number }).p)).toEqual([SCRYPT_PARAMS.p]);
    } finally {
      spy.mockRestore();
    }
  });

  it.each(['', 'plain', 'scrypt$1024$8$1$c2FsdA==$aGFzaA==', 'bcrypt$x$y$z$a$b', 'scrypt$32768$8$1$$'])('refuses the malformed or weak hash %j', async (stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });
});

describe('session tokens', () => {
  it('are 32 random bytes, stored only as their SHA-256', () => {
    const token = newSessionToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newSessionToken()).not.toBe(token);
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(token)).not.toContain(token);
  });

  it('last 12 hours, or 30 minutes unused; their use is written down at most once a minute', () => {
    expect(SESSION_TTL_MS).toBe(12 * 3600_000);
    expect(SESSION_IDLE_MS).toBe(30 * 60_000);
    const at = new Date('2024-05-01T12:00:00Z');
    expect(sessionNeedsTouch(at.toISOString(), new Date(at.getTime() + 59_999))).toBe(false);
    expect(sessionNeedsTouch(at.toISOString(), new Date(at.getTime() + 60_000))).toBe(true);
    expect(sessionNeedsTouch(null, at)).toBe(true);
    expect(idleSince(at)).toBe('2024-05-01T11:30:00.000Z');
  });

  it('are marked Secure when the request came over HTTPS, directly or behind a proxy', () => {
    expect(isHttpsRequest('https://example.org/admin', null)).toBe(true);
    expect(isHttpsRequest('http://example.org/admin', null)).toBe(false);
    expect(isHttpsRequest('http://127.0.0.1:3000/admin', 'https')).toBe(true);
    expect(isHttpsRequest('https://example.org/admin', 'http')).toBe(false);
    expect(isHttpsRequest(null, 'https, http')).toBe(true);
    expect(isHttpsRequest(null, null)).toBe(false);
  });
});

describe('failed sign-ins: slowed down, then locked out', () => {
  const at = (iso: string) => new Date(iso);
  const last = '2024-05-01T12:00:00.000Z';

  it('lets a person mistype a few times without waiting', () => {
    expect([0, 1, 2].map((n) => waitAfterFailures(n, ACCOUNT_POLICY))).toEqual([0, 0, 0]);
  });

  it('then doubles the wait from one second up to thirty', () => {
    expect([3, 4, 5, 6, 7, 8, 9].map((n) => waitAfterFailures(n, ACCOUNT_POLICY))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('locks an account for 15 minutes after 10 failures, an address after 30', () => {
    expect(waitAfterFailures(10, ACCOUNT_POLICY)).toBe(15 * 60_000);
    expect(waitAfterFailures(29, ADDRESS_POLICY)).toBe(30_000);
    expect(waitAfterFailures(30, ADDRESS_POLICY)).toBe(15 * 60_000);
  });

  it('counts the wait from the last failure', () => {
    const record = { failures: 10, lastFailedAt: last };
    expect(msUntilAllowed(record, at('2024-05-01T12:00:00.000Z'), ACCOUNT_POLICY)).toBe(15 * 60_000);
    expect(msUntilAllowed(record, at('2024-05-01T12:14:59.000Z'), ACCOUNT_POLICY)).toBe(1000);
    expect(msUntilAllowed(record, at('2024-05-01T12:15:00.000Z'), ACCOUNT_POLICY)).toBe(0);
    expect(msUntilAllowed({ failures: 4, lastFailedAt: last }, at('2024-05-01T12:00:01.500Z'), ACCOUNT_POLICY)).toBe(500);
    expect(msUntilAllowed(undefined, at(last), ACCOUNT_POLICY)).toBe(0);
  });

  it('forgets failures an hour after the last one', () => {
    const record = { failures: 9, lastFailedAt: last };
    expect(activeFailures(record, at('2024-05-01T12:59:59.000Z'), ACCOUNT_POLICY)).toBe(9);
    expect(activeFailures(record, at('2024-05-01T13:00:00.001Z'), ACCOUNT_POLICY)).toBe(0);
  });

  it('says how long to wait in words', () => {
    expect(tooManyAttemptsMessage(1000)).toBe('Too many failed sign-ins. Try again in 1 second.');
    expect(tooManyAttemptsMessage(2500)).toBe('Too many failed sign-ins. Try again in 3 seconds.');
    expect(tooManyAttemptsMessage(15 * 60_000)).toBe('Too many failed sign-ins. Try again in 15 minutes.');
    expect(tooManyAttemptsMessage(61_000)).toBe('Too many failed sign-ins. Try again in 2 minutes.');
  });
});

describe('failed sign-ins: one rule over the account and the address', () => {
  const last = '2024-05-01T12:00:00.000Z';
  const at = (iso: string) => new Date(iso);
  const failures = (n: number, lastFailedAt = last) => ({ failures: n, lastFailedAt });

  it('lets an attempt go ahead when neither count makes it wait', () => {
    expect(signInWait({ account: undefined, address: undefined }, at(last))).toBeNull();
    expect(signInWait({ account: failures(2), address: failures(9) }, at(last))).toBeNull();
    expect(signInWait({ account: failures(10), address: undefined }, at('2024-05-01T12:15:00.000Z'))).toBeNull();
  });

  it('waits for the longer of the two counts', () => {
    expect(signInWait({ account: failures(4), address: failures(11) }, at(last))).toEqual({ ms: 2000, locked: null });
    expect(signInWait({ account: failures(3), address: failures(13) }, at(last))).toEqual({ ms: 8000, locked: null });
  });

  it('names a lock: the account\'s before the address\'s, and only while it lasts', () => {
    expect(signInWait({ account: failures(10), address: failures(30) }, at('2024-05-01T12:01:00.000Z'))).toEqual({ ms: 14 * 60_000, locked: 'account' });
    expect(signInWait({ account: failures(5), address: failures(30) }, at(last))).toEqual({ ms: 15 * 60_000, locked: 'address' });
    // A slowed-down account behind a locked address: still the address's lock that is named.
    expect(signInWait({ account: failures(9), address: failures(31) }, at(last))?.locked).toBe('address');
  });

  it('words a lock so that the editor knows it is a lock, when it ends, and not whether the account exists', () => {
    expect(signInWaitMessage({ ms: 15 * 60_000, locked: 'account' })).toBe('Sign-in for this e-mail address is locked after 10 failed attempts. Try again in 15 minutes, or from a browser you have signed in with before.');
    expect(signInWaitMessage({ ms: 59_000, locked: 'account' })).toBe('Sign-in for this e-mail address is locked after 10 failed attempts. Try again in 59 seconds, or from a browser you have signed in with before.');
    expect(signInWaitMessage({ ms: 14 * 60_000, locked: 'address' })).toBe('Sign-in from your network address is locked after 30 failed attempts. Try again in 14 minutes.');
    expect(signInWaitMessage({ ms: 4000, locked: null })).toBe('Too many failed sign-ins. Try again in 4 seconds.');
  });
});

describe('device tokens and cookies', () => {
  it('are 32 random bytes, stored only as their SHA-256', () => {
    const token = newDeviceToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newDeviceToken()).not.toBe(token);
    expect(hashDeviceToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashDeviceToken(token)).toBe(crypto.createHash('sha256').update(token).digest('hex'));
    expect(hashDeviceToken(token)).not.toContain(token);
    expect(hashDeviceToken(`${token}x`)).not.toBe(hashDeviceToken(token));
  });

  it('last 180 days, at most 20 kept per account', () => {
    expect(DEVICE_TTL_MS).toBe(180 * 24 * 3600_000);
    expect(DEVICE_COOKIES_PER_ACCOUNT).toBe(20);
  });

  it('are http-only, SameSite=Strict, sent only to the sign-in page, Secure over HTTPS', () => {
    const expires = new Date('2024-10-28T12:00:00Z');
    expect(DEVICE_COOKIE).toBe('admin_device');
    expect(deviceCookieOptions(expires, false)).toEqual({ httpOnly: true, sameSite: 'strict', secure: false, path: '/admin/login', expires });
    expect(deviceCookieOptions(expires, true).secure).toBe(true);
  });
});

describe('failed sign-ins from a trusted device: its own count instead of the account\'s', () => {
  const last = '2024-05-01T12:00:00.000Z';
  const at = (iso: string) => new Date(iso);
  const failures = (n: number, lastFailedAt = last) => ({ failures: n, lastFailedAt });
  const device = (n: number, lastFailedAt = last) => ({ failures: n === 0 ? undefined : failures(n, lastFailedAt) });

  it('has the account\'s numbers: 3 free failures, waits doubling to 30 s, a 15-minute lock from the 10th', () => {
    expect([0, 2, 3, 4, 8, 9].map((n) => waitAfterFailures(n, DEVICE_POLICY))).toEqual([0, 0, 1000, 2000, 30_000, 30_000]);
    expect(waitAfterFailures(10, DEVICE_POLICY)).toBe(15 * 60_000);
  });

  it('trusts a device cookie of the account until that device reaches its own lock; none, or a locked one, is not trusted', () => {
    expect(trustsDevice(null, at(last))).toBe(false);
    expect(trustsDevice(undefined, at(last))).toBe(false);
    expect(trustsDevice(device(0), at(last))).toBe(true);
    expect(trustsDevice(device(9), at(last))).toBe(true);
    expect(trustsDevice(device(10), at('2024-05-01T12:14:59.000Z'))).toBe(false);
    // The device's lock ends by itself, as the account's does.
    expect(trustsDevice(device(10), at('2024-05-01T12:15:00.000Z'))).toBe(true);
  });

  it('lets a trusted device through the account\'s lock, slowed down and locked by its own count only', () => {
    const locked = failures(10);
    expect(signInWait({ account: locked, address: undefined }, at(last))).toEqual({ ms: 15 * 60_000, locked: 'account' });
    expect(signInWait({ account: locked, address: undefined, device: null }, at(last))).toEqual({ ms: 15 * 60_000, locked: 'account' });
    expect(signInWait({ account: locked, address: undefined, device: device(0) }, at(last))).toBeNull();
    expect(signInWait({ account: locked, address: undefined, device: device(2) }, at(last))).toBeNull();
    expect(signInWait({ account: locked, address: undefined, device: device(4) }, at(last))).toEqual({ ms: 2000, locked: null });
    // An account that is only slowed down does not slow down a trusted device either.
    expect(signInWait({ account: failures(8), address: undefined, device: device(0) }, at(last))).toBeNull();
  });

  it('holds a locked device to the account\'s count like any other browser', () => {
    expect(signInWait({ account: undefined, address: undefined, device: device(10) }, at(last))).toBeNull();
    expect(signInWait({ account: failures(10), address: undefined, device: device(10) }, at(last))).toEqual({ ms: 15 * 60_000, locked: 'account' });
  });

  it('keeps the address\'s limit for everyone, a trusted device too', () => {
    expect(signInWait({ account: failures(10), address: failures(30), device: device(0) }, at(last))).toEqual({ ms: 15 * 60_000, locked: 'address' });
    expect(signInWait({ account: undefined, address: failures(12), device: device(0) }, at(last))).toEqual({ ms: 4000, locked: null });
  });
});
