import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/index';
import { findActiveSession, type SessionUser } from '@/db/queries/sessions';
import type { Actor } from '@/db/queries/audit';
import { clientAddressFromHeaders } from './client-address';
import { ADMIN_PATH_HEADER, signInPathFor } from './return-path';
import { hashSessionToken, isHttpsRequest, SESSION_COOKIE } from './session-token';

/** The signed-in editor for this request, or null (no cookie, unknown, expired or revoked). */
export async function currentAdmin(): Promise<SessionUser | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return findActiveSession(getDb(), hashSessionToken(token)) ?? null;
}

/**
 * The signed-in editor; anyone else is sent to the sign-in page, which comes back to the page
 * asked for (a session that ended while the browser kept its cookie included). Every admin page calls it.
 */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await currentAdmin();
  if (!user) {
    const asked = (await headers()).get(ADMIN_PATH_HEADER);
    redirect(asked ? signInPathFor(asked) : '/admin/login');
  }
  return user;
}

/** The editor as the audit trail names them. */
export function actorOf(user: SessionUser): Actor {
  return { userId: user.userId, label: user.email };
}

/**
 * The client's address, for throttling failed sign-ins: the connection's own address as the
 * production server recorded it, or the trusted proxy's (see lib/auth/client-address.ts). Never
 * an address the client wrote into a header.
 */
export async function clientAddress(): Promise<string> {
  return clientAddressFromHeaders(await headers());
}

/** Sets the session cookie: http-only, SameSite=Lax, Secure over HTTPS, scoped to /admin. */
export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  const h = await headers();
  const secure = isHttpsRequest(h.get('origin') ?? h.get('referer'), h.get('x-forwarded-proto'));
  (await cookies()).set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/admin', expires: expiresAt });
}

/** The session token of this request, if any (for signing out). */
export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

/** Removes the cookie from the browser (the session itself is revoked separately). */
export async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/admin', maxAge: 0 });
}
