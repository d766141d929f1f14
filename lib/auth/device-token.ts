import crypto from 'node:crypto';

/**
 * How long a device cookie lasts: a browser an editor has signed in with is trusted for this long
 * after its last sign-in (each sign-in issues a fresh one), as OWASP's device cookies suggest.
 */
export const DEVICE_TTL_MS = 180 * 24 * 3600_000;
/** Device cookies kept per account, newest first: issuing one more forgets the oldest, so the table cannot grow without bound. */
export const DEVICE_COOKIES_PER_ACCOUNT = 20;

/** A new random device token (32 bytes, base64url) for the cookie. */
export function newDeviceToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** What the database stores instead of the token: a copy of the database makes no browser trusted. */
export function hashDeviceToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
