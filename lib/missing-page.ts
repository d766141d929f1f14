/**
 * Next answers a page that calls notFound() with a 404 whose HTML body is empty: the "Page not
 * found" text is only in the payload React renders after hydration, so without JavaScript the
 * reader sees a blank page (vercel/next.js#98954). An address no route matches is rendered in
 * full. The server (scripts/serve.ts) therefore answers a document request for an event or a
 * source that does not exist with Next's 404 page itself, before the page is asked to render.
 */

import type { Db } from '@/db/index';
import { eventSlugExists } from '@/db/queries/events';
import { sourcePageExists } from '@/db/queries/source-page';
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from './security-headers';
import { sourceIdOf } from './source-id';

import type { IncomingMessage, ServerResponse } from 'node:http';

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

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * Wraps the server's request handler: a document request for an event or source that `exists`
 * says is not there gets `render404` (Next's 404 page, whole), with the headers proxy.ts and
 * next.config.ts would have given it; every other request goes to `handle`. When `exists` throws
 * (the database cannot be read), `handle` answers as it would have anyway.
 */
export function withMissingPages(handle: Handle, render404: Handle, exists: (page: DynamicPage) => boolean): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const page = dynamicPageRequested(req);
    let missing = false;
    try {
      missing = page !== null && !exists(page);
    } catch {
      // The database cannot be read: let Next answer (the health route reports it).
    }
    if (!missing) return handle(req, res);
    const headers = notFoundPageHeaders();
    // Whatever the client sent under this name is replaced: Next takes its scripts' nonce from it.
    Object.assign(req.headers, headers.request);
    for (const [name, value] of headers.response) res.setHeader(name, value);
    return render404(req, res);
  };
}

/** Whether the page a request names has a subject in `db`: the event's slug, a cited source's id. */
export function pageExists(db: Db, { kind, key }: DynamicPage): boolean {
  if (kind === 'event') return eventSlugExists(db, key);
  const id = sourceIdOf(key);
  return id !== null && sourcePageExists(db, id);
}
