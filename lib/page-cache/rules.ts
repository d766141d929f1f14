/**
 * Which requests the page cache may answer. Only the public pages, fetched as a document: the
 * admin area, the API, server actions and Next's client-side navigation requests (which vary on
 * the router headers) always go to Next.
 */
const PUBLIC_PAGE = /^\/(?:events\/[a-z0-9-]{1,100})?$/;
const EVENT_PAGE = /^\/events\/([a-z0-9-]{1,100})$/;

/** Request headers Next's pages vary on; a request carrying any of them is not a plain document. */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url', 'next-action'];

/** Longest query string worth caching: the dashboard's own links are far shorter. */
const MAX_QUERY = 512;

/**
 * The dashboard's own parameters (lib/url-state.ts), with values shaped like its metric keys,
 * units, views and page numbers. Anything else goes to Next uncached, so made-up query strings
 * cannot crowd the real pages out of the cache.
 */
const KNOWN_PARAMS = new Set(['compare', 'compare_view', 'breakdown', 'breakdown_view', 'timeline', 'timeline_view', 'reports_page']);
const PARAM_VALUE = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * Crawlers and link-preview bots, which Next may answer with a differently ordered page (its
 * metadata in the head rather than streamed): they get cache entries of their own.
 */
const BOT = /bot|crawl|spider|slurp|facebookexternalhit|embedly|preview|whatsapp|telegram|discord|slack/i;

export type RequestLike = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

/**
 * The cache key for a request, or null when it must not be cached. The host is part of the key
 * because the "Cite this page" block names the address the page was requested on (when SITE_URL
 * is not set).
 */
export function pageCacheKey(req: RequestLike): string | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const url = req.url ?? '';
  const q = url.indexOf('?');
  const pathname = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q + 1);
  if (!PUBLIC_PAGE.test(pathname) || query.length > MAX_QUERY) return null;
  if (ROUTER_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  for (const pair of query ? query.split('&') : []) {
    const [name = '', value = ''] = pair.split('=');
    if (!KNOWN_PARAMS.has(name) || !PARAM_VALUE.test(value)) return null;
  }
  const header = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' ? v : '';
  };
  // "Cite this page" names the address the page was asked for (Host and X-Forwarded-Proto,
  // when SITE_URL is unset), so both are part of the key.
  const proto = header('x-forwarded-proto') === 'https' ? 'https' : 'http';
  const agent = BOT.test(header('user-agent')) ? 'bot' : 'reader';
  return `${proto}://${header('host')}\n${agent}\n${pathname}?${query}`;
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
