import type { Db } from '@/db/index';
import { findAdminByEmail, insertAdminUser, replacePassword } from '@/db/queries/admin-users';
import { email as emailSchema, passwordIssue } from '@/lib/validation/admin-user';
import { hashPassword } from './password';

export class AccountError extends Error {}

function readEmail(raw: string): string {
  const r = emailSchema.safeParse(raw);
  if (!r.success) throw new AccountError(r.error.issues[0]?.message ?? 'Enter an e-mail address.');
  return r.data;
}

/** Creates an editor's account; refuses a taken e-mail or a weak password with a message saying why. */
export async function createAdmin(db: Db, rawEmail: string, password: string): Promise<{ id: number; email: string }> {
  const email = readEmail(rawEmail);
  const weak = passwordIssue(password, email);
  if (weak) throw new AccountError(`Password refused: ${weak}`);
  if (findAdminByEmail(db, email)) throw new AccountError(`An account for ${email} already exists; use reset-password to change its password.`);
  const user = insertAdminUser(db, email, await hashPassword(password));
  return { id: user.id, email: user.email };
}

/** Sets a new password, ends every session of the account and forgets its device cookies (no browser is trusted any more). */
export async function resetAdminPassword(db: Db, rawEmail: string, password: string): Promise<void> {
  const email = readEmail(rawEmail);
  const user = findAdminByEmail(db, email);
  if (!user) throw new AccountError(`There is no account for ${email}; create it with: npm run admin -- create --email ${email}`);
  const weak = passwordIssue(password, email);
  if (weak) throw new AccountError(`Password refused: ${weak}`);
  replacePassword(db, user.id, await hashPassword(password));
}
