'use server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/index';
import { fieldErrors, formValues, type FormState } from '@/lib/admin-action';
import { clearSessionCookie, clientAddress, sessionToken, setSessionCookie } from '@/lib/auth/session';
import { signInWithPassword, signOutToken } from '@/lib/auth/sign-in';
import { signInSchema } from '@/lib/validation/admin-user';

/** Signs an editor in: a new session in the database, its token in an http-only cookie. */
export async function signIn(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  // The password is never sent back to the page.
  const kept = { email: values.email ?? '' };
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return { status: 'error', errors: fieldErrors(parsed.error), values: kept, message: 'Enter your e-mail address and password.' };
  const result = await signInWithPassword(getDb(), { ...parsed.data, address: await clientAddress() });
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
