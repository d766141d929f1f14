import { headers } from 'next/headers';
import { siteOrigin } from './site-origin';

/**
 * The site's address for citations: SITE_URL when set (what a deployment should do, since the
 * Host header is the client's to choose), else the address the request came in on.
 */
export async function siteUrl(): Promise<string> {
  const h = await headers();
  return siteOrigin((name) => h.get(name));
}
