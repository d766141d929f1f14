/**
 * Headers every response carries. The Content-Security-Policy is per request (it names the
 * request's nonce) and is set by proxy.ts; the others are the same everywhere (next.config.ts).
 */
export const STATIC_SECURITY_HEADERS: Array<{ key: string; value: string }> = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
];

/**
 * Headers of the public data API (`/api/*`): any website may read it from a browser (a notebook,
 * a newsroom's own chart). It is read-only, public and sends no cookie-bound data (the session
 * cookie's path is /admin), so this exposes nothing a plain request would not; the download's
 * name and a busy server's Retry-After are readable by the script too.
 */
export const PUBLIC_API_HEADERS: Array<{ key: string; value: string }> = [
  { key: 'Access-Control-Allow-Origin', value: '*' },
  { key: 'Access-Control-Expose-Headers', value: 'Content-Disposition, Retry-After' },
];

/**
 * Strict-Transport-Security for a site whose address (SITE_URL) is https, else null: a browser
 * then keeps to HTTPS for the host, every port of it, for a year, which only the operator who
 * declared an https address can want (set by proxy.ts on every page and answer).
 */
export function transportSecurity(siteUrl: string | undefined = process.env.SITE_URL): string | null {
  return siteUrl?.trim().toLowerCase().startsWith('https://') ? 'max-age=31536000' : null;
}

/**
 * The policy for one response: scripts only from this site and with this request's nonce (Next
 * puts it on its own inline scripts), never 'unsafe-inline' scripts; no framing; no plugins.
 * Inline style attributes stay allowed: React writes them, and they cannot run code.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A fresh nonce for one response's scripts (proxy.ts, the page cache, the server's 404 page). */
export function newNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString('base64');
}
