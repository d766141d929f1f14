import { headers } from 'next/headers';
import { safeHttpUrl } from './safe-url';

/**
 * The site's address for citations: SITE_URL when set (what a deployment should do, since the
 * Host header is the client's to choose), else the address the request came in on.
 */
export async function siteUrl(): Promise<string> {
  const configured = safeHttpUrl(process.env.SITE_URL);
  if (configured) return configured.replace(/\/+$/, '');
  const h = await headers();
  const host = h.get('host') ?? 'localhost';
  return `${h.get('x-forwarded-proto') === 'https' ? 'https' : 'http'}://${host}`;
}
