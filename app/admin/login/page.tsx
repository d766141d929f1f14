import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { adminReturnPath, DEFAULT_ADMIN_PATH } from '@/lib/auth/return-path';
import { currentAdmin, hasSessionCookie, SESSION_ENDED_NOTICE } from '@/lib/auth/session';
import { UNSENT_KEPT_NOTICE } from '@/lib/unsent-form-rules';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams;
  const next = adminReturnPath(query.next);
  if (await currentAdmin()) redirect(next ?? DEFAULT_ADMIN_PATH);
  const signedOut = query['signed-out'] !== undefined;
  // A browser that still holds a cookie and was sent here had a session that has since ended.
  const ended = !signedOut && (await hasSessionCookie());
  return (
    <>
      <h1>Sign in to edit the data</h1>
      {signedOut ? <p className="flash" role="status">You are signed out.</p> : null}
      {ended ? <p className="flash" role="status">{SESSION_ENDED_NOTICE}</p> : null}
      {ended && query.kept !== undefined ? <p className="flash" role="status">{UNSENT_KEPT_NOTICE}</p> : null}
      <p className="lede">
        For editors only. Accounts are created with <code>npm run admin -- create --email …</code>. A session ends after 30 minutes
        without using the admin pages, and 12 hours after signing in.
      </p>
      <SignInForm next={next} />
    </>
  );
}
