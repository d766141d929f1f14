import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { PageVersion } from '@/db/queries/data-version';
import { captureResponse, type CapturedResponse } from './capture';
import { PageCache, type CachedPage } from './page-cache';
import { acceptsGzip, pageCacheKey, pageShelfOf, type PageShelf } from './rules';
import { fillTemplate, makeTemplate, nonceOf } from './template';
import { newNonce } from '@/lib/security-headers';

const gzipAsync = promisify(gzip);

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** Headers that belong to one connection or one response, never replayed from the cache. */
const NOT_REPLAYED = new Set(['date', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'content-encoding', 'etag']);

/** How long a request waits for another request's render of the same page before rendering itself. */
const WAIT_FOR_RENDER_MS = 8000;

export type PageCacheOptions = {
  /**
   * The current version of the page at `pathname`: its tag changes with every write to the data
   * that page shows (db/queries/data-version.ts; lib/page-cache/versions.ts).
   */
  pageVersion: (pathname: string) => PageVersion;
  /** Where pages are kept, per shelf (default: 64 MB for the dashboard, 32 MB for records). */
  caches?: Record<PageShelf, PageCache>;
  today?: () => string;
  /** How long a request waits for another request's render of the same page (default 8 s). */
  waitForRenderMs?: number;
};

function cacheable(captured: CapturedResponse | null, version: PageVersion, day: string): CachedPage | null {
  if (!captured || captured.status !== 200 || captured.headers['set-cookie'] !== undefined) return null;
  if (!String(captured.headers['content-type'] ?? '').startsWith('text/html')) return null;
  // A render that failed after it started streaming still ends as a 200; React marks the failure.
  if (captured.body.includes('data-dgst') || captured.body.includes('$RX(')) return null;
  const policy = captured.headers['content-security-policy'];
  const nonce = nonceOf(typeof policy === 'string' ? policy : undefined);
  if (!nonce) return null;
  const headers = Object.entries(captured.headers)
    .filter(([name, value]) => value !== undefined && !NOT_REPLAYED.has(name))
    .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)] as [string, string | string[]]);
  return { version, day, status: 200, headers, nonce, body: makeTemplate(captured.body, nonce) };
}

async function sendCached(req: IncomingMessage, res: ServerResponse, page: CachedPage): Promise<void> {
  const nonce = newNonce();
  let body = fillTemplate(page.body, nonce);
  for (const [name, value] of page.headers) {
    res.setHeader(name, typeof value === 'string' ? value.split(page.nonce).join(nonce) : value);
  }
  const vary = String(res.getHeader('vary') ?? '');
  if (!/accept-encoding/i.test(vary)) res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  if (acceptsGzip(req)) {
    body = await gzipAsync(body, { level: 1 });
    res.setHeader('Content-Encoding', 'gzip');
  }
  res.setHeader('Content-Length', body.length);
  res.setHeader('X-Page-Cache', 'hit');
  res.statusCode = page.status;
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Wraps Next's request handler with a cache of the public pages, each valid for one version of
 * the data it shows: every write to that data changes the version (database triggers; an event's
 * page changes with its own figures and the catalog, not with other events' figures), so the
 * first request after an edit renders afresh and no reader ever gets a stale number, while every
 * other request is answered from memory with a fresh CSP nonce. Concurrent requests for a page
 * being rendered wait for that one render instead of starting their own.
 */
export function withPageCache(handle: Handle, options: PageCacheOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const caches = options.caches ?? { dashboard: new PageCache(64 * 1024 * 1024), records: new PageCache(32 * 1024 * 1024) };
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const waitMs = options.waitForRenderMs ?? WAIT_FOR_RENDER_MS;
  const rendering = new Map<string, { version: PageVersion; done: Promise<CachedPage | null> }>();

  return async (req, res) => {
    const key = pageCacheKey(req);
    const pathname = (req.url ?? '').split('?', 1)[0]!;
    let version: PageVersion;
    try {
      if (key === null) return await handle(req, res);
      version = options.pageVersion(pathname);
    } catch {
      // The database cannot be read: let Next answer (the health route reports it).
      return await handle(req, res);
    }
    const day = today();
    const cache = caches[pageShelfOf(pathname)];
    const hit = cache.get(key, version, day);
    if (hit) return sendCached(req, res, hit);

    const pending = rendering.get(key);
    if (pending && pending.version.tag === version.tag) {
      // Wait for the render in progress, but not without end: a stalled client of that render
      // can hold its last bytes back, and then each waiter renders for itself.
      const page = await Promise.race([pending.done, new Promise<null>((r) => setTimeout(r, waitMs, null).unref())]);
      if (page) return sendCached(req, res, page);
      return await handle(req, res);
    }
    // A HEAD render has no body to share: it neither waits for nor stands in for a GET's render.
    if (req.method !== 'GET') return await handle(req, res);

    // Render with an identity body so it can be kept; this one response goes out uncompressed.
    delete req.headers['accept-encoding'];
    let failed = false;
    const done = captureResponse(res).then((captured) => (failed ? null : cacheable(captured, version, day)));
    rendering.set(key, { version, done });
    void done.then((page) => {
      if (page) cache.set(key, page);
      if (rendering.get(key)?.done === done) rendering.delete(key);
    });
    try {
      await handle(req, res);
    } catch (err) {
      // Whatever was written before the failure is not a page to keep.
      failed = true;
      throw err;
    }
  };
}
