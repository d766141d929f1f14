import crypto from 'node:crypto';

/** How long a session lasts from sign-in; after that the editor signs in again. */
export const SESSION_TTL_MS = 12 * 3600_000;
/**
 * How long a session lasts unused: 30 minutes without a request to the admin ends it, so a
 * browser left signed in on a shared or lost machine does not stay an editor for the rest of the
 * 12 hours (OWASP ASVS 4.0, 3.3.2: 12 hours, or 30 minutes of inactivity).
 */
export const SESSION_IDLE_MS = 30 * 60_000;
/** A session's use is written down at most this often (a page or an action within it writes nothing). */
export const SESSION_TOUCH_MS = 60_000;
export const SESSION_COOKIE = 'admin_session';

/** A new random session token (32 bytes, base64url) for the cookie. */
export function newSessionToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** What the database stores instead of the token: a copy of the database signs nobody in. */
export function hashSessionToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/**
 * The moment before which a session's last use makes it idle at `now` (ISO 8601, as stored): a
 * session is good while it is not revoked, not expired, and used after this
 * (db/queries/sessions.ts, `findActiveSession`).
 */
export function idleSince(now: Date): string {
  return new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
}

/** Whether a session last used at `lastSeenAt` should have its use written down again at `now`. */
export function sessionNeedsTouch(lastSeenAt: string | null, now: Date): boolean {
  return lastSeenAt === null || Date.parse(lastSeenAt) <= now.getTime() - SESSION_TOUCH_MS;
}

/** Whether the request reached us over HTTPS, directly or through a proxy that says so. */
export function isHttpsRequest(url: string | null, forwardedProto: string | null): boolean {
  const first = forwardedProto?.split(',')[0]?.trim().toLowerCase();
  if (first) return first === 'https';
  return url?.startsWith('https:') ?? false;
}

/** The session token in a raw Cookie header (a request outside Next's `cookies()`), if any. */
export function sessionTokenFromCookieHeader(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim()) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
