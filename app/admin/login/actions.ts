'use server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/index';
import { answer, fieldErrors, formValues, type FormState } from '@/lib/admin-action';
import { adminReturnPath, DEFAULT_ADMIN_PATH } from '@/lib/auth/return-path';
import { clearSessionCookie, clientAddress, deviceToken, sessionToken, setDeviceCookie, setSessionCookie } from '@/lib/auth/session';
import { signInWithPassword, signOutToken, type SignInResult } from '@/lib/auth/sign-in';
import { isDatabaseBusy, SIGN_IN_BUSY_MESSAGE, SIGN_OUT_BUSY_MESSAGE } from '@/lib/database-busy';
import { signInSchema } from '@/lib/validation/admin-user';

/**
 * Signs an editor in: a new session in the database, its token in an http-only cookie, and a new
 * device cookie that marks this browser as one the editor has signed in with (it keeps the editor
 * able to sign in here while strangers have the account locked: lib/auth/sign-in.ts). Every
 * refusal carries the next key (see FormState.key), like the answers of adminAction.
 */
export async function signIn(previous: FormState, formData: FormData): Promise<FormState> {
  return answer(previous, await attemptSignIn(formData));
}

/** Checks the e-mail address and password; when they are right, goes to the admin page asked for before (`next`), else the figures. */
async function attemptSignIn(formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  // The password is never sent back to the page.
  const kept = { email: values.email ?? '', next: adminReturnPath(values.next) ?? '' };
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return { status: 'error', errors: fieldErrors(parsed.error), values: kept, message: 'Enter your e-mail address and password.' };
  let result: SignInResult;
  try {
    result = await signInWithPassword(getDb(), { ...parsed.data, address: await clientAddress(), replacing: await sessionToken(), device: await deviceToken() });
  } catch (err) {
    if (isDatabaseBusy(err)) return { status: 'error', message: SIGN_IN_BUSY_MESSAGE, values: kept };
    throw err;
  }
  if (!result.ok) return { status: 'error', message: result.message, values: kept };
  await setSessionCookie(result.token, result.expiresAt);
  await setDeviceCookie(result.device.token, result.device.expiresAt);
  redirect(adminReturnPath(values.next) ?? DEFAULT_ADMIN_PATH);
}

/**
 * Signs out: the session is revoked in the database, not just forgotten by the browser. When the
 * database is too busy to revoke it, the session is still live, so the cookie is kept and the
 * editor is told to try again (never told they are signed out when they are not).
 */
export async function signOut(): Promise<FormState> {
  const token = await sessionToken();
  try {
    if (token) signOutToken(getDb(), token);
  } catch (err) {
    if (isDatabaseBusy(err)) return { status: 'error', message: SIGN_OUT_BUSY_MESSAGE };
    throw err;
  }
  await clearSessionCookie();
  redirect('/admin/login?signed-out=1');
}
