/**
 * Next answers a page that calls notFound() with a 404 whose HTML body is empty: the "Page not
 * found" text is only in the payload React renders after hydration, so without JavaScript the
 * reader sees a blank page (vercel/next.js#98954). An address no route matches is rendered in
 * full. The server (scripts/serve.ts) therefore answers a document request for an event or a
 * source that does not exist with Next's 404 page itself, before the page is asked to render.
 */

import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from './security-headers';

type RequestLike = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

// The pages that look their subject up by one path segment, as Next's [slug] and [id] routes
// take it (no trailing slash: Next redirects that first).
const DYNAMIC_PAGES = [
  { kind: 'event', path: /^\/events\/([^/]+)$/ },
  { kind: 'source', path: /^\/sources\/([^/]+)$/ },
] as const;

/** An event page (by its slug) or a source page (by its id, as written in the address). */
export type DynamicPage = { kind: (typeof DYNAMIC_PAGES)[number]['kind']; key: string };

/**
 * The event or source page a request asks for as a document (what a browser with JavaScript
 * off loads), or null: other pages, and Next's own requests (client-side navigation, server
 * actions), which JavaScript renders correctly.
 */
export function dynamicPageRequested(req: RequestLike): DynamicPage | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  if (req.headers.rsc !== undefined || req.headers['next-action'] !== undefined) return null;
  const url = req.url ?? '';
  const q = url.indexOf('?');
  const pathname = q === -1 ? url : url.slice(0, q);
  for (const { kind, path } of DYNAMIC_PAGES) {
    const match = path.exec(pathname);
    if (!match) continue;
    try {
      return { kind, key: decodeURIComponent(match[1]!) };
    } catch {
      // Not valid percent-encoding: nothing has that slug or id.
      return { kind, key: '' };
    }
  }
  return null;
}

/**
 * The headers Next's 404 page needs when the server renders it itself: proxy.ts and
 * next.config.ts do not run for it. `request` goes on the request, where Next reads the nonce for
 * its scripts; `response` on the response.
 */
export function notFoundPageHeaders(nonce = newNonce()): { request: Record<string, string>; response: Array<[string, string]> } {
  const csp = contentSecurityPolicy(nonce);
  return {
    request: { 'content-security-policy': csp },
    response: [...STATIC_SECURITY_HEADERS.map(({ key, value }): [string, string] => [key, value]), ['Content-Security-Policy', csp]],
  };
}
