/**
 * Next answers a page that calls notFound() with a 404 whose HTML body is empty: the "Page not
 * found" text is only in the payload React renders after hydration, so without JavaScript the
 * reader sees a blank page (vercel/next.js#98954). An address no route matches is rendered in
 * full. The server (scripts/serve.ts) therefore answers a document request for an event, a source
 * or a figure that does not exist as Next answers an address no route matches (Next's request
 * handler given the path of its 404 page, so proxy.ts and next.config.ts give it their headers as
 * to any page), before the page itself is asked to render.
 */

import type { Db } from '@/db/index';
import { findEventById, findSourceById } from '@/db/queries/catalog-admin';
import { currentEventSlug } from '@/db/queries/event-moves';
import { eventSlugExists } from '@/db/queries/events';
import { figurePageExists } from '@/db/queries/figure-page';
import { sourcePageExists } from '@/db/queries/source-page';
import { pageIdOf } from './page-id';

import type { IncomingMessage, ServerResponse } from 'node:http';

type RequestLike = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

// The pages that look their subject up by one path segment, as Next's [slug] and [id] routes
// take it (no trailing slash: Next redirects that first). The admin's edit pages too, by id
// ("new" is each list's form for a new one, a page of its own).
const DYNAMIC_PAGES = [
  { kind: 'event', path: /^\/events\/([^/]+)$/ },
  { kind: 'source', path: /^\/sources\/([^/]+)$/ },
  { kind: 'figure', path: /^\/figures\/([^/]+)$/ },
  { kind: 'admin-event', path: /^\/admin\/events\/(?!new$)([^/]+)$/ },
  { kind: 'admin-source', path: /^\/admin\/sources\/(?!new$)([^/]+)$/ },
  { kind: 'admin-figure', path: /^\/admin\/figures\/(?!new$)([^/]+)$/ },
] as const;

/** Whether a page is the admin's (answered as missing only to a signed-in editor: see serve.ts). */
export function isAdminPage(page: DynamicPage): boolean {
  return page.kind.startsWith('admin-');
}

/** An event page (by its slug), a source or a figure page (by its id, as written in the address), or an admin edit page (by id). */
export type DynamicPage = { kind: (typeof DYNAMIC_PAGES)[number]['kind']; key: string };

/**
 * The event, source or figure page a request asks for as a document (what a browser with JavaScript
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

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * Wraps the server's request handler: a document request for an event, source or figure that
 * `exists` says is not there is answered by `notFound` (Next's 404 page, rendered whole); every
 * other request goes to `handle`. When `exists` throws (the database cannot be read), `handle` answers
 * as it would have anyway.
 */
export function withMissingPages(handle: Handle, notFound: Handle, exists: (page: DynamicPage, req: IncomingMessage) => boolean): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const page = dynamicPageRequested(req);
    let missing = false;
    try {
      missing = page !== null && !exists(page, req);
    } catch {
      // The database cannot be read: let Next answer (the health route reports it).
    }
    return missing ? notFound(req, res) : handle(req, res);
  };
}

/**
 * Whether the page a request names has a subject in `db`: the event's slug (or one it had, which
 * its page redirects from: currentEventSlug), a cited source's or a figure's id; for an admin
 * page, any event, source or figure with that id.
 */
export function pageExists(db: Db, { kind, key }: DynamicPage): boolean {
  if (kind === 'event') return eventSlugExists(db, key) || currentEventSlug(db, key) !== null;
  const id = pageIdOf(key);
  if (id === null) return false;
  switch (kind) {
    case 'source':
      return sourcePageExists(db, id);
    case 'figure':
    case 'admin-figure':
      return figurePageExists(db, id);
    case 'admin-source':
      return findSourceById(db, id) !== undefined;
    case 'admin-event':
      return findEventById(db, id) !== undefined;
  }
}
