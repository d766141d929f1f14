import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/index';
import { findActiveSession, touchSession, type SessionUser } from '@/db/queries/sessions';
import { isDatabaseBusy } from '@/lib/database-busy';
import type { Actor } from '@/db/queries/audit';
import { clientAddressFromHeaders } from './client-address';
import { DEVICE_COOKIE, deviceCookieOptions } from './device-cookie';
import { ADMIN_PATH_HEADER, signInPathFor } from './return-path';
import { hashSessionToken, isHttpsRequest, SESSION_COOKIE, sessionNeedsTouch } from './session-token';

/**
 * The signed-in editor for this request, or null (no cookie, unknown, expired, revoked, or unused
 * for SESSION_IDLE_MS). Every admin page and action comes through here, so this is where a
 * session's use is written down (at most once a minute), keeping an editor at work signed in.
 */
export async function currentAdmin(now: Date = new Date()): Promise<SessionUser | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const db = getDb();
  const user = findActiveSession(db, hashSessionToken(token), now);
  if (!user) return null;
  if (sessionNeedsTouch(user.lastSeenAt, now)) {
    try {
      touchSession(db, user.sessionId, now);
    } catch (err) {
      // The database busy with another writer (an import) must not turn a good session away:
      // the use is written down at the next request.
      if (!isDatabaseBusy(err)) throw err;
    }
  }
  return user;
}

/**
 * What the sign-in page tells a browser whose session has ended while its cookie lasts (the cookie
 * itself expires with the 12 hours, so a session that old is not told apart from none).
 */
export const SESSION_ENDED_NOTICE = 'Your session has ended: it was unused for 30 minutes, or the account was signed out everywhere (a password reset). Sign in again to go on.';

/** Whether the request carries a session cookie at all (to tell a session that has ended from none). */
export async function hasSessionCookie(): Promise<boolean> {
  return Boolean((await cookies()).get(SESSION_COOKIE)?.value);
}

/**
 * The signed-in editor; anyone else is sent to the sign-in page, which comes back to the page
 * asked for (a session that ended while the browser kept its cookie included). Every admin page calls it.
 */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await currentAdmin();
  if (!user) return sendToSignIn();
  return user;
}

/**
 * Sends the browser to sign in, coming back to the admin page it asked for (from a page: 307; from
 * an action: 303). `kept`: a form it sent was kept for its editor, which the sign-in page says.
 */
export async function sendToSignIn({ kept = false }: { kept?: boolean } = {}): Promise<never> {
  const asked = (await headers()).get(ADMIN_PATH_HEADER);
  const path = asked ? signInPathFor(asked) : '/admin/login';
  redirect(kept ? `${path}${path.includes('?') ? '&' : '?'}kept=1` : path);
}

/**
 * Whether this request was sent by a page's JavaScript (a server action called with fetch: the
 * Next-Action header, or React's data asked for) rather than by a form posting without it.
 */
export async function sentWithScript(): Promise<boolean> {
  const h = await headers();
  return h.has('next-action') || (h.get('accept') ?? '').includes('text/x-component');
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

async function overHttps(): Promise<boolean> {
  const h = await headers();
  return isHttpsRequest(h.get('origin') ?? h.get('referer'), h.get('x-forwarded-proto'));
}

/** Sets the session cookie: http-only, SameSite=Lax, Secure over HTTPS, scoped to /admin. */
export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: await overHttps(), path: '/admin', expires: expiresAt });
}

/** Sets the device cookie a sign-in issued (attributes: lib/auth/device-cookie.ts); signing out keeps it. */
export async function setDeviceCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(DEVICE_COOKIE, token, deviceCookieOptions(expiresAt, await overHttps()));
}

/** The device cookie's token in this request, if any (sent only to the sign-in page). */
export async function deviceToken(): Promise<string | undefined> {
  return (await cookies()).get(DEVICE_COOKIE)?.value;
}

/** The session token of this request, if any (for signing out). */
export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

/** Removes the cookie from the browser (the session itself is revoked separately). */
export async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/admin', maxAge: 0 });
}
