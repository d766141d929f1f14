import { PAGE_ID_PATTERN } from '@/lib/page-id';
import { siteOrigin } from '@/lib/site-origin';
import { DASHBOARD_PARAMETERS } from '@/lib/url-state';

/**
 * Which requests the page cache may answer. Only the public pages, fetched as a document: the
 * admin area, the API, server actions and Next's client-side navigation requests (which vary on
 * the router headers) always go to Next.
 */

/**
 * Where a cached page is kept: the dashboard's pages (the event list and the event pages, few and
 * read most) apart from the pages of single records (a figure, a source: a million of them, read
 * by link or by a crawler), so that a crawl of records cannot push the dashboard out of memory.
 */
export type PageShelf = 'dashboard' | 'records';

/**
 * The dashboard's own parameters (lib/url-state.ts), with values shaped like its metric keys,
 * units, views and page numbers. Anything else goes to Next uncached, so made-up query strings
 * cannot crowd the real pages out of the cache.
 */
const PARAM_VALUE = /^[A-Za-z0-9_-]{1,40}$/;
const DASHBOARD_PARAMS = new Map(DASHBOARD_PARAMETERS.map((p) => [p, PARAM_VALUE]));

/** The public pages, the parameters each takes, and the shelf each is kept on. */
const PUBLIC_PAGES: ReadonlyArray<{ path: RegExp; params: ReadonlyMap<string, RegExp>; shelf: PageShelf }> = [
  { path: /^\/(?:events\/[a-z0-9-]{1,100})?$/, params: DASHBOARD_PARAMS, shelf: 'dashboard' },
  { path: new RegExp(`^/figures/${PAGE_ID_PATTERN}$`), params: new Map(), shelf: 'records' },
  // A source's figures come 200 a page (`?page=N`, written as the site writes it).
  { path: new RegExp(`^/sources/${PAGE_ID_PATTERN}$`), params: new Map([['page', new RegExp(`^${PAGE_ID_PATTERN}$`)]]), shelf: 'records' },
];

const EVENT_PAGE = /^\/events\/([a-z0-9-]{1,100})$/;

/** Request headers Next's pages vary on; a request carrying any of them is not a plain document. */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url', 'next-action'];

/** Longest query string worth caching: the site's own links are far shorter. */
const MAX_QUERY = 512;

/**
 * Crawlers and link-preview bots, which Next may answer with a differently ordered page (its
 * metadata in the head rather than streamed): they get cache entries of their own.
 */
const BOT = /bot|crawl|spider|slurp|facebookexternalhit|embedly|preview|whatsapp|telegram|discord|slack/i;

export type RequestLike = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

/**
 * The cache key for a request, or null when it must not be cached. The host is part of the key
 * because the "Cite this page" block names the address the page was requested on, unless
 * SITE_URL is set (it names that then).
 */
export function pageCacheKey(req: RequestLike): string | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const url = req.url ?? '';
  const q = url.indexOf('?');
  const pathname = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q + 1);
  const page = PUBLIC_PAGES.find((p) => p.path.test(pathname));
  if (!page || query.length > MAX_QUERY) return null;
  if (ROUTER_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  const seen = new Set<string>();
  for (const pair of query ? query.split('&') : []) {
    const [name = '', value = '', ...more] = pair.split('=');
    // A parameter given twice, or with a second '=' in its value, is one the page reads as it
    // would no value at all: the same page under another key.
    if (more.length || !page.params.get(name)?.test(value) || seen.has(name)) return null;
    seen.add(name);
  }
  const header = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' ? v : '';
  };
  // "Cite this page" names the address the page was asked for (Host and X-Forwarded-Proto,
  // when SITE_URL is unset), so both are part of the key. With SITE_URL set, the page is the same
  // whatever Host a client sends: one entry, so made-up hosts cannot push real pages out.
  const origin = siteOrigin(header);
  const agent = BOT.test(header('user-agent')) ? 'bot' : 'reader';
  return `${origin}\n${agent}\n${pathname}?${query}`;
}

/** The shelf a cacheable page's path is kept on (see pageCacheKey for whether it is cacheable). */
export function pageShelfOf(pathname: string): PageShelf {
  return PUBLIC_PAGES.find((p) => p.path.test(pathname))?.shelf ?? 'dashboard';
}

/** The event a public page's path shows, or null for any other page. */
export function eventSlugOf(pathname: string): string | null {
  return EVENT_PAGE.exec(pathname)?.[1] ?? null;
}

/** Whether the client takes a gzip-encoded body. */
export function acceptsGzip(req: RequestLike): boolean {
  const header = req.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return /(?:^|,)\s*gzip\s*(?:;\s*q=(?:1(?:\.0*)?|0?\.\d*[1-9]\d*))?\s*(?:,|$)/i.test(value);
}
