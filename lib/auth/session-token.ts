import crypto from 'node:crypto';

/** How long a session lasts from sign-in; after that the editor signs in again. */
export const SESSION_TTL_MS = 12 * 3600_000;
export const SESSION_COOKIE = 'admin_session';

/** A new random session token (32 bytes, base64url) for the cookie. */
export function newSessionToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** What the database stores instead of the token: a copy of the database signs nobody in. */
export function hashSessionToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Whether a stored session is still good at `now`: not revoked and not expired. */
export function sessionIsActive(s: { expiresAt: string; revokedAt: string | null }, now: Date): boolean {
  return s.revokedAt === null && Date.parse(s.expiresAt) > now.getTime();
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
