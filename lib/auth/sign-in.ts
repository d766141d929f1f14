import { writeTransaction, type Db } from '@/db/index';
import { findAdminByEmail, upgradePasswordHash } from '@/db/queries/admin-users';
import { clearLoginFailures, findLoginAttempts, recordLoginFailure } from '@/db/queries/login-attempts';
import { deleteExpiredSessions, insertSession, revokeSession } from '@/db/queries/sessions';
import { hashPassword, needsRehash, verifyAgainstNothing, verifyPassword } from './password';
import { oneAtATime } from './one-at-a-time';
import { hashSessionToken, newSessionToken, SESSION_TTL_MS } from './session-token';
import { ACCOUNT_POLICY, activeFailures, ADDRESS_POLICY, signInWait, signInWaitMessage } from './throttle';

export const WRONG_CREDENTIALS = 'The e-mail address or password is wrong.';

/** `replacing`: the token of the session the browser has now, if any: a new sign-in ends it. */
export type PasswordSignIn = { email: string; password: string; address: string; replacing?: string | null };

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; userId: number }
  | { ok: false; message: string };

/**
 * Checks an e-mail and password and opens a session. Refused without even checking the password
 * while the account or the client address must wait after earlier failures (lib/auth/throttle.ts:
 * slowed down after a few, locked for a while after many); each failure is counted for both, and
 * a success clears the account's count. Sign-ins for one account or from one address run one
 * after another, never at the same time. A sign-in ends the session the browser had
 * (`replacing`) and forgets expired ones. The message never says whether the account exists.
 */
export async function signInWithPassword(db: Db, input: PasswordSignIn, at?: Date): Promise<SignInResult> {
  // One sign-in at a time per account and per address, each reading the counts the one before
  // it left: attempts sent together all passed the count before the first failure was written,
  // and were never throttled.
  return oneAtATime([`account\u0000${input.email}`, `address\u0000${input.address}`], () => {
    // The time it runs, not the time it was asked for: it may have waited for the one before.
    const now = at ?? new Date();
    const accountRecord = findLoginAttempts(db, 'account', input.email);
    const addressRecord = findLoginAttempts(db, 'address', input.address);
    const wait = signInWait({ account: accountRecord, address: addressRecord }, now);
    if (wait) return Promise.resolve<SignInResult>({ ok: false, message: signInWaitMessage(wait) });
    return checkPassword(db, input, now, accountRecord, addressRecord);
  });
}

async function checkPassword(
  db: Db,
  input: PasswordSignIn,
  now: Date,
  accountRecord: ReturnType<typeof findLoginAttempts>,
  addressRecord: ReturnType<typeof findLoginAttempts>,
): Promise<SignInResult> {
  const user = findAdminByEmail(db, input.email);
  const good = user ? await verifyPassword(input.password, user.passwordHash) : await verifyAgainstNothing(input.password);
  if (!user || !good) {
    writeTransaction(db, (tx) => {
      recordLoginFailure(tx, 'account', input.email, now, activeFailures(accountRecord, now, ACCOUNT_POLICY) === 0);
      recordLoginFailure(tx, 'address', input.address, now, activeFailures(addressRecord, now, ADDRESS_POLICY) === 0);
    });
    const after = signInWait({ account: findLoginAttempts(db, 'account', input.email), address: findLoginAttempts(db, 'address', input.address) }, now);
    return { ok: false, message: after ? `${WRONG_CREDENTIALS} ${signInWaitMessage(after)}` : WRONG_CREDENTIALS };
  }

  // A hash made with weaker parameters than today's is made again now, while the password is known.
  const stronger = needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  writeTransaction(db, (tx) => {
    clearLoginFailures(tx, 'account', input.email);
    if (stronger) upgradePasswordHash(tx, user.id, user.passwordHash, stronger);
    if (input.replacing) revokeSession(tx, hashSessionToken(input.replacing), now);
    deleteExpiredSessions(tx, now);
    insertSession(tx, { tokenHash: hashSessionToken(token), userId: user.id, expiresAt: expiresAt.toISOString() }, now);
  });
  return { ok: true, token, expiresAt, userId: user.id };
}

/** Signs a session out: the token stops working at once, whatever the browser keeps. */
export function signOutToken(db: Db, token: string): void {
  revokeSession(db, hashSessionToken(token));
}
