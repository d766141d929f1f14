import { writeTransaction, type Db } from '@/db/index';
import { findAdminByEmail, upgradePasswordHash } from '@/db/queries/admin-users';
import { deleteExpiredDeviceCookies, findDeviceCookie, issueDeviceCookie, recordDeviceFailure, retireDeviceCookie, type TrustedDeviceRow } from '@/db/queries/device-cookies';
import { clearLoginFailures, findLoginAttempts, recordLoginFailure } from '@/db/queries/login-attempts';
import { deleteExpiredSessions, insertSession, revokeSession } from '@/db/queries/sessions';
import type { AdminUser } from '@/db/schema';
import { DEVICE_COOKIES_PER_ACCOUNT, DEVICE_TTL_MS, hashDeviceToken, newDeviceToken } from './device-token';
import { hashPassword, needsRehash, verifyAgainstNothing, verifyPassword } from './password';
import { oneAtATime } from './one-at-a-time';
import { hashSessionToken, newSessionToken, SESSION_TTL_MS } from './session-token';
import { ACCOUNT_POLICY, activeFailures, ADDRESS_POLICY, DEVICE_POLICY, signInWait, signInWaitMessage, trustsDevice, type PresentedDevice } from './throttle';

export const WRONG_CREDENTIALS = 'The e-mail address or password is wrong.';

/**
 * `replacing`: the token of the session the browser has now, if any: a new sign-in ends it.
 * `device`: the token of the browser's device cookie, if any (lib/auth/device-cookie.ts).
 */
export type PasswordSignIn = { email: string; password: string; address: string; replacing?: string | null; device?: string | null };

/** A success carries a new session and a new device cookie, each to be set in the browser. */
export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; userId: number; device: { token: string; expiresAt: Date } }
  | { ok: false; message: string };

/** The counts an attempt answers to, read as they are now. */
type Counts = {
  account: ReturnType<typeof findLoginAttempts>;
  address: ReturnType<typeof findLoginAttempts>;
  /** The device cookie presented, when it is a valid one of the account typed. */
  deviceRow: TrustedDeviceRow | undefined;
  device: PresentedDevice | null;
};

function readCounts(db: Db, input: PasswordSignIn, user: AdminUser | undefined, now: Date): Counts {
  const deviceRow = user && input.device ? findDeviceCookie(db, { tokenHash: hashDeviceToken(input.device), userId: user.id }, now) : undefined;
  return {
    account: findLoginAttempts(db, 'account', input.email),
    address: findLoginAttempts(db, 'address', input.address),
    deviceRow,
    device: deviceRow ? { failures: deviceRow.lastFailedAt === null ? undefined : { failures: deviceRow.failures, lastFailedAt: deviceRow.lastFailedAt } } : null,
  };
}

/**
 * Checks an e-mail and password and opens a session. Refused without even checking the password
 * while the account or the client address must wait after earlier failures (lib/auth/throttle.ts:
 * slowed down after a few, locked for a while after many); each failure is counted for both, and
 * a success clears the account's count. A browser that presents a device cookie of the account
 * typed (one it was given at an earlier sign-in) answers to that device's own count instead of the
 * account's, so strangers who lock the account do not lock its editor out; its failures count
 * for the device and the address. Sign-ins for one account or from one address run one after
 * another, never at the same time. A sign-in ends the session the browser had (`replacing`),
 * replaces its device cookie with a new one, and forgets expired sessions and device cookies. The
 * message never says whether the account exists.
 */
export async function signInWithPassword(db: Db, input: PasswordSignIn, at?: Date): Promise<SignInResult> {
  // One sign-in at a time per account and per address, each reading the counts the one before
  // it left: attempts sent together all passed the count before the first failure was written,
  // and were never throttled.
  return oneAtATime([`account\u0000${input.email}`, `address\u0000${input.address}`], () => {
    // The time it runs, not the time it was asked for: it may have waited for the one before.
    const now = at ?? new Date();
    const user = findAdminByEmail(db, input.email);
    const counts = readCounts(db, input, user, now);
    const wait = signInWait(counts, now);
    if (wait) return Promise.resolve<SignInResult>({ ok: false, message: signInWaitMessage(wait) });
    return checkPassword(db, input, now, user, counts);
  });
}

async function checkPassword(db: Db, input: PasswordSignIn, now: Date, user: AdminUser | undefined, counts: Counts): Promise<SignInResult> {
  const good = user ? await verifyPassword(input.password, user.passwordHash) : await verifyAgainstNothing(input.password);
  // Read before the password was checked, as the wait was: a device locked since is not trusted.
  const trustedDevice = trustsDevice(counts.device, now) ? counts.deviceRow : undefined;
  if (!user || !good) {
    writeTransaction(db, (tx) => {
      if (trustedDevice) recordDeviceFailure(tx, trustedDevice.id, now, activeFailures(counts.device?.failures, now, DEVICE_POLICY) === 0);
      else recordLoginFailure(tx, 'account', input.email, now, activeFailures(counts.account, now, ACCOUNT_POLICY) === 0);
      recordLoginFailure(tx, 'address', input.address, now, activeFailures(counts.address, now, ADDRESS_POLICY) === 0);
    });
    const after = signInWait(readCounts(db, input, user, now), now);
    return { ok: false, message: after ? `${WRONG_CREDENTIALS} ${signInWaitMessage(after)}` : WRONG_CREDENTIALS };
  }

  // A hash made with weaker parameters than today's is made again now, while the password is known.
  const stronger = needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  const device = { token: newDeviceToken(), expiresAt: new Date(now.getTime() + DEVICE_TTL_MS) };
  writeTransaction(db, (tx) => {
    // A trusted device's success leaves the account's count alone: clearing it would end a lock
    // that strangers built and give them ten more guesses each time the editor signs in.
    if (!trustedDevice) clearLoginFailures(tx, 'account', input.email);
    if (stronger) upgradePasswordHash(tx, user.id, user.passwordHash, stronger);
    if (input.replacing) revokeSession(tx, hashSessionToken(input.replacing), now);
    deleteExpiredSessions(tx, now);
    // The device cookie presented is replaced by a new one (its failures go with it).
    if (input.device) retireDeviceCookie(tx, hashDeviceToken(input.device));
    deleteExpiredDeviceCookies(tx, now);
    issueDeviceCookie(tx, { tokenHash: hashDeviceToken(device.token), userId: user.id, expiresAt: device.expiresAt.toISOString(), keep: DEVICE_COOKIES_PER_ACCOUNT }, now);
    insertSession(tx, { tokenHash: hashSessionToken(token), userId: user.id, expiresAt: expiresAt.toISOString() }, now);
  });
  return { ok: true, token, expiresAt, userId: user.id, device };
}

/** Signs a session out: the token stops working at once, whatever the browser keeps. */
export function signOutToken(db: Db, token: string): void {
  revokeSession(db, hashSessionToken(token));
}
