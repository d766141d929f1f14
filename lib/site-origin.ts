import { safeHttpUrl } from './safe-url';

/**
 * The site's address (scheme, host, port): SITE_URL when set (what a deployment should do, since
 * the Host header is the client's to choose), else the address the request came in on, read with
 * `header`. One rule for "Cite this page" (lib/site-url.ts) and the page cache's key, which must
 * agree: a page is kept under the address it names.
 */
export function siteOrigin(header: (name: string) => string | null | undefined): string {
  const configured = safeHttpUrl(process.env.SITE_URL);
  if (configured) return configured.replace(/\/+$/, '');
  return `${header('x-forwarded-proto') === 'https' ? 'https' : 'http'}://${header('host') || 'localhost'}`;
}
