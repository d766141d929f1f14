'use server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/index';
import { fieldErrors, formValues, type FormState } from '@/lib/admin-action';
import { clearSessionCookie, clientAddress, sessionToken, setSessionCookie } from '@/lib/auth/session';
import { signInWithPassword, signOutToken, type SignInResult } from '@/lib/auth/sign-in';
import { isDatabaseBusy } from '@/lib/database-busy';
import { signInSchema } from '@/lib/validation/admin-user';

const SIGN_IN_BUSY = 'The database is busy with another change, so you are not signed in yet. Try again in a moment.';

/** Signs an editor in: a new session in the database, its token in an http-only cookie. */
export async function signIn(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  // The password is never sent back to the page.
  const kept = { email: values.email ?? '' };
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return { status: 'error', errors: fieldErrors(parsed.error), values: kept, message: 'Enter your e-mail address and password.' };
  let result: SignInResult;
  try {
    result = await signInWithPassword(getDb(), { ...parsed.data, address: await clientAddress() });
  } catch (err) {
    if (isDatabaseBusy(err)) return { status: 'error', message: SIGN_IN_BUSY, values: kept };
    throw err;
  }
  if (!result.ok) return { status: 'error', message: result.message, values: kept };
  await setSessionCookie(result.token, result.expiresAt);
  redirect('/admin/figures');
}

/** Signs out: the session is revoked in the database, not just forgotten by the browser. */
export async function signOut(): Promise<void> {
  const token = await sessionToken();
  if (token) signOutToken(getDb(), token);
  await clearSessionCookie();
  redirect('/admin/login?signed-out=1');
}
