import { writeTransaction, type Db } from '@/db/index';
import { findAdminByEmail } from '@/db/queries/admin-users';
import { clearLoginFailures, findLoginAttempts, recordLoginFailure } from '@/db/queries/login-attempts';
import { insertSession, revokeSession } from '@/db/queries/sessions';
import { verifyAgainstNothing, verifyPassword } from './password';
import { hashSessionToken, newSessionToken, SESSION_TTL_MS } from './session-token';
import { ACCOUNT_POLICY, activeFailures, ADDRESS_POLICY, signInWait, signInWaitMessage } from './throttle';

export const WRONG_CREDENTIALS = 'The e-mail address or password is wrong.';

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; userId: number }
  | { ok: false; message: string };

/**
 * Checks an e-mail and password and opens a session. Refused without even checking the password
 * while the account or the client address must wait after earlier failures (lib/auth/throttle.ts:
 * slowed down after a few, locked for a while after many); each failure is counted for both, and
 * a success clears the account's count. The message never says whether the account exists.
 */
export async function signInWithPassword(db: Db, input: { email: string; password: string; address: string }, now: Date = new Date()): Promise<SignInResult> {
  const accountRecord = findLoginAttempts(db, 'account', input.email);
  const addressRecord = findLoginAttempts(db, 'address', input.address);
  const wait = signInWait({ account: accountRecord, address: addressRecord }, now);
  if (wait) return { ok: false, message: signInWaitMessage(wait) };

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

  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  writeTransaction(db, (tx) => {
    clearLoginFailures(tx, 'account', input.email);
    insertSession(tx, { tokenHash: hashSessionToken(token), userId: user.id, expiresAt: expiresAt.toISOString() });
  });
  return { ok: true, token, expiresAt, userId: user.id };
}

/** Signs a session out: the token stops working at once, whatever the browser keeps. */
export function signOutToken(db: Db, token: string): void {
  revokeSession(db, hashSessionToken(token));
}
