import { createServer, get as httpGet, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withPageCache } from '@/lib/page-cache/handler';
import { PageCache } from '@/lib/page-cache/page-cache';

/**
 * Next stands in as a renderer that, like the real app, puts a fresh nonce in the policy and on
 * its scripts, and writes the data version it saw into the page; it counts its renders.
 */
let version = 1;
let ownVersion = 1;
let renders = 0;
let renderDelay = 0;
let server: Server;
let base: string;

async function render(req: IncomingMessage, res: ServerResponse): Promise<void> {
  renders += 1;
  const nonce = Buffer.from(`nonce-${renders}-${Math.random()}`).toString('base64');
  const seen = version;
  await new Promise((r) => setTimeout(r, renderDelay));
  if (req.url?.startsWith('/events/broken')) {
    // Fails after it began streaming, as a render error after the first bytes would.
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', `script-src 'nonce-${nonce}'`);
    res.write(`<p>half a page`);
    throw new Error('render failed');
  }
  if (req.url?.startsWith('/events/stalled')) {
    // Writes its head and never ends, as a render held back by a client that stopped reading.
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', `script-src 'nonce-${nonce}'`);
    res.write(`<p>stalled ${renders}`);
    if (renders > 1) res.end('</p>');
    return;
  }
  if (req.url?.startsWith('/events/missing')) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end('<p>not found</p>');
    return;
  }
  res.setHeader('Content-Type', req.url?.startsWith('/events/plain') ? 'text/plain' : 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (req.url?.startsWith('/events/cookie')) res.setHeader('Set-Cookie', 'a=b');
  res.write(`<script nonce="${nonce}">1</script>`);
  if (req.url?.startsWith('/events/errored')) res.write('<template data-dgst="123"></template>');
  res.end(`<p>version ${seen} of ${req.url}; encoding ${req.headers['accept-encoding'] ?? 'none'}</p>`);
}

beforeEach(async () => {
  version = 1;
  ownVersion = 1;
  renders = 0;
  renderDelay = 0;
  // Every page goes by the one version, except /events/own, which has a version of its own.
  const pageVersion = (pathname: string) => (pathname === '/events/own' ? { tag: `own ${ownVersion}`, order: version } : { tag: `data ${version}`, order: version });
  // The records' shelf holds a few of these small pages; the dashboard's, many.
  const caches = { dashboard: new PageCache(1024 * 1024), records: new PageCache(2000) };
  const handle = withPageCache(render, { pageVersion, waitForRenderMs: 300, caches });
  server = createServer((req, res) => {
    // As scripts/serve.ts: a failed render ends the response.
    handle(req, res).catch(() => res.end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const nonceIn = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];

describe('the public page cache', () => {
  it('renders a page once per data version and answers repeats from memory', async () => {
    const first = await fetch(`${base}/events/a`);
    expect(await first.text()).toContain('version 1 of /events/a');
    expect(first.headers.get('x-page-cache')).toBeNull();
    const second = await fetch(`${base}/events/a`);
    expect(second.headers.get('x-page-cache')).toBe('hit');
    expect(await second.text()).toContain('version 1 of /events/a');
    expect(second.headers.get('x-content-type-options')).toBe('nosniff');
    expect(renders).toBe(1);
  });

  it('never serves a page older than the data: a write means the next request renders again', async () => {
    await fetch(`${base}/events/a`);
    version = 2;
    expect(await (await fetch(`${base}/events/a`)).text()).toContain('version 2');
    expect(renders).toBe(2);
    expect(await (await fetch(`${base}/events/a`)).text()).toContain('version 2');
    expect(renders).toBe(2);
  });

  it("keeps a page whose own version holds while others' change, and renders it again when its own changes", async () => {
    await fetch(`${base}/events/own`);
    await fetch(`${base}/events/a`);
    version = 2;
    expect((await fetch(`${base}/events/own`)).headers.get('x-page-cache')).toBe('hit');
    expect((await fetch(`${base}/events/a`)).headers.get('x-page-cache')).toBeNull();
    expect(renders).toBe(3);
    ownVersion = 2;
    const own = await fetch(`${base}/events/own`);
    expect(own.headers.get('x-page-cache')).toBeNull();
    expect(await own.text()).toContain('version 2 of /events/own');
    expect((await fetch(`${base}/events/own`)).headers.get('x-page-cache')).toBe('hit');
    expect(renders).toBe(4);
  });

  it("keeps the figures' and sources' pages too, on a shelf of their own: a crawl of them does not push out the dashboard", async () => {
    await fetch(`${base}/events/a`);
    await fetch(`${base}/figures/1`);
    await fetch(`${base}/sources/1?page=2`);
    expect((await fetch(`${base}/figures/1`)).headers.get('x-page-cache')).toBe('hit');
    expect((await fetch(`${base}/sources/1?page=2`)).headers.get('x-page-cache')).toBe('hit');
    for (let id = 2; id <= 40; id++) await fetch(`${base}/figures/${id}`);
    expect(renders).toBe(42);
    // The oldest records went to make room; the event's page stayed.
    expect((await fetch(`${base}/figures/1`)).headers.get('x-page-cache')).toBeNull();
    expect((await fetch(`${base}/figures/40`)).headers.get('x-page-cache')).toBe('hit');
    expect((await fetch(`${base}/events/a`)).headers.get('x-page-cache')).toBe('hit');
  });

  it('gives every response its own nonce, the same in the policy and on the scripts', async () => {
    await fetch(`${base}/events/a`);
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${base}/events/a`);
      const nonce = nonceIn(res)!;
      expect(await res.text()).toContain(`<script nonce="${nonce}">`);
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(3);
  });

  it('keeps an identity body and compresses hits for clients that take gzip', async () => {
    await fetch(`${base}/events/a`, { headers: { 'accept-encoding': 'gzip' } });
    const res = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve) => {
      const req = httpGet(`${base}/events/a`, { headers: { 'accept-encoding': 'gzip' } }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ headers: r.headers, body: Buffer.concat(chunks) }));
      });
      req.end();
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    // The render saw no Accept-Encoding, so what was kept is the plain page.
    expect(gunzipSync(res.body).toString()).toContain('encoding none');
  });

  it('answers a HEAD from the cache without a body, and never keeps a HEAD render', async () => {
    const head = await fetch(`${base}/events/a`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const get = await fetch(`${base}/events/a`);
    expect(get.headers.get('x-page-cache')).toBeNull();
    expect(await get.text()).toContain('version 1');
    const head2 = await fetch(`${base}/events/a`, { method: 'HEAD' });
    expect(head2.headers.get('x-page-cache')).toBe('hit');
    expect(await head2.text()).toBe('');
  });

  it.each([
    ['not-found pages', '/events/missing'],
    ['responses that set a cookie', '/events/cookie'],
    ['responses that are not HTML', '/events/plain'],
    ['the admin area', '/admin'],
    ['a render that failed after it began streaming', '/events/broken'],
    ['a page React marked as failed while streaming', '/events/errored'],
  ])('does not keep %s', async (_label, path) => {
    await fetch(`${base}${path}`);
    await fetch(`${base}${path}`);
    expect(renders).toBe(2);
  });

  it('renders once for many readers arriving while the page is being rendered', async () => {
    renderDelay = 100;
    const pages = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/events/a`).then((r) => r.text())));
    expect(renders).toBe(1);
    expect(new Set(pages.map((p) => p.replace(/nonce="[^"]+"/, ''))).size).toBe(1);
  });

  it('does not hold readers behind a render that never finishes: after a wait they render for themselves', async () => {
    const stalled = new AbortController();
    void fetch(`${base}/events/stalled`, { signal: stalled.signal }).then((r) => r.body?.getReader().read(), () => undefined);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    const res = await fetch(`${base}/events/stalled`);
    expect(await res.text()).toBe('<p>stalled 2</p>');
    expect(Date.now() - started).toBeLessThan(5_000);
    stalled.abort();
  });

  it('passes requests through to Next when the data version cannot be read', async () => {
    const handle = withPageCache(render, { pageVersion: () => { throw new Error('database gone'); } });
    const broken = createServer((req, res) => void handle(req, res));
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(broken.address() as AddressInfo).port}/events/a`;
      expect((await fetch(url)).status).toBe(200);
      expect((await fetch(url)).status).toBe(200);
      expect(renders).toBe(2);
    } finally {
      broken.closeAllConnections();
      await new Promise((r) => broken.close(r));
    }
  });
});
