import { describe, expect, it } from 'vitest';
import { PageCache, type CachedPage } from '@/lib/page-cache/page-cache';
import { acceptsGzip, eventSlugOf, pageCacheKey, pageShelfOf } from '@/lib/page-cache/rules';
import { fillTemplate, makeTemplate, nonceOf } from '@/lib/page-cache/template';
import { restoreEnv } from '../helpers/env';

const get = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers: { host: 'example.org', ...headers } });

describe('pageCacheKey', () => {
  it('keys the public pages by host, path and query', () => {
    expect(pageCacheKey(get('/'))).toBe('http://example.org\nreader\n/?');
    expect(pageCacheKey(get('/events/kazakhstan-2022-unrest?timeline=injured&reports_page=2'))).toBe('http://example.org\nreader\n/events/kazakhstan-2022-unrest?timeline=injured&reports_page=2');
    expect(pageCacheKey({ ...get('/'), method: 'HEAD' })).not.toBeNull();
    expect(pageCacheKey(get('/', { host: 'other.org' }))).not.toBe(pageCacheKey(get('/')));
    // "Cite this page" names the scheme too, and bots may get a differently ordered page.
    expect(pageCacheKey(get('/', { 'x-forwarded-proto': 'https' }))).not.toBe(pageCacheKey(get('/')));
    expect(pageCacheKey(get('/', { 'user-agent': 'Twitterbot/1.0' }))).not.toBe(pageCacheKey(get('/', { 'user-agent': 'Mozilla/5.0 Chrome/156' })));
  });

  it('keys by SITE_URL when it is set, whatever Host a client sends', () => {
    const saved = process.env.SITE_URL;
    process.env.SITE_URL = 'https://data.example.org/';
    try {
      expect(pageCacheKey(get('/'))).toBe('https://data.example.org\nreader\n/?');
      expect(pageCacheKey(get('/', { host: 'made-up-1.example' }))).toBe(pageCacheKey(get('/', { host: 'made-up-2.example', 'x-forwarded-proto': 'https' })));
    } finally {
      restoreEnv('SITE_URL', saved);
    }
  });

  it.each([
    ['a POST (server actions)', { ...get('/events/x'), method: 'POST' }],
    ['the admin area', get('/admin/figures')],
    ['the API', get('/api/figures')],
    ['the CSV export', get('/api/figures.csv?event=x')],
    ['a nested path', get('/events/x/y')],
    ['a slug with capitals', get('/events/X')],
    ['client navigation (RSC header)', get('/events/x', { rsc: '1' })],
    ['a router prefetch', get('/events/x', { 'next-router-prefetch': '1' })],
    ['an _rsc query', get('/events/x?_rsc=abc')],
    ['an overlong query', get(`/events/x?timeline=${'a'.repeat(600)}`)],
    ['a parameter the dashboard does not have', get('/events/x?utm_source=feed')],
    ['a value unlike any metric, unit or page', get('/events/x?timeline=%3Cscript%3E')],
    ["a figure's id with a leading zero", get('/figures/07')],
    ['figure 0', get('/figures/0')],
    ['an id longer than any the site writes', get(`/figures/${'9'.repeat(17)}`)],
    ['a figure page with a parameter (it takes none)', get('/figures/7?page=2')],
    ["a dashboard parameter on a source's page", get('/sources/3?timeline=deaths')],
    ["a source's page with a made-up parameter", get('/sources/3?page=2&ref=feed')],
    ['a page number the site does not write', get('/sources/3?page=02')],
    ['a page that is not a number', get('/sources/3?page=zzz')],
    ['page 0', get('/sources/3?page=0')],
    ['a parameter given twice', get('/sources/3?page=2&page=3')],
    ['a value with a second =', get('/sources/3?page=2=junk')],
    ['a dashboard value with a second =', get('/events/x?reports_page=2=a')],
    ['a dashboard parameter given twice', get('/events/x?timeline=deaths&timeline=injured')],
    ['the list of sources (not a public page of its own)', get('/sources')],
  ])('never caches %s', (_label, req) => {
    expect(pageCacheKey(req)).toBeNull();
  });

  it("keys a figure's page and a source's pages, each page of a source apart", () => {
    expect(pageCacheKey(get('/figures/32'))).toBe('http://example.org\nreader\n/figures/32?');
    expect(pageCacheKey(get('/sources/3'))).toBe('http://example.org\nreader\n/sources/3?');
    expect(pageCacheKey(get('/sources/3?page=2'))).toBe('http://example.org\nreader\n/sources/3?page=2');
    expect(pageCacheKey(get('/figures/32', { rsc: '1' }))).toBeNull();
  });
});

describe('what a public page shows, read from its path', () => {
  it('keeps the pages of single records on a shelf of their own, apart from the dashboard', () => {
    expect(['/', '/events/kazakhstan-2022-unrest'].map(pageShelfOf)).toEqual(['dashboard', 'dashboard']);
    expect(['/figures/32', '/sources/3'].map(pageShelfOf)).toEqual(['records', 'records']);
  });

  it('names the event a page shows', () => {
    expect(eventSlugOf('/events/kazakhstan-2022-unrest')).toBe('kazakhstan-2022-unrest');
    expect(['/figures/32', '/sources/32', '/'].map(eventSlugOf)).toEqual([null, null, null]);
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['GZIP', true],
    ['identity', false],
    ['gzip;q=0', false],
    ['x-gzip-not', false],
    ['', false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip({ headers: { 'accept-encoding': header } })).toBe(expected);
  });
});

describe('page templates', () => {
  const nonce = 'ZmYyYzZkNTctZTM0ZS00NWY0LThmMzE';

  it('reads the nonce of a policy', () => {
    expect(nonceOf(`default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`)).toBe(nonce);
    expect(nonceOf("script-src 'self'")).toBeNull();
    expect(nonceOf(undefined)).toBeNull();
  });

  it('puts a new nonce wherever the old one stood, and changes nothing else', () => {
    const body = Buffer.from(`<script nonce="${nonce}">a</script><p>Алматы ${nonce}</p><script nonce="${nonce}"></script>`);
    const filled = fillTemplate(makeTemplate(body, nonce), 'NEW');
    expect(filled.toString()).toBe('<script nonce="NEW">a</script><p>Алматы NEW</p><script nonce="NEW"></script>');
    expect(fillTemplate(makeTemplate(Buffer.from('no nonce here'), nonce), 'NEW').toString()).toBe('no nonce here');
  });
});

describe('PageCache', () => {
  const v = (order: number, tag = `data ${order}`) => ({ tag, order });
  const page = (version: number, bytes: number, day = '2026-11-26', tag?: string): CachedPage => ({
    version: v(version, tag),
    day,
    status: 200,
    headers: [],
    nonce: 'n',
    body: makeTemplate(Buffer.alloc(bytes, 'x'), 'n'),
  });

  it('answers only for the data version and day a page was rendered at', () => {
    const cache = new PageCache();
    cache.set('a', page(3, 10));
    expect(cache.get('a', v(3), '2026-11-26')).not.toBeNull();
    expect(cache.get('a', v(3), '2026-11-27')).toBeNull();
    cache.set('a', page(3, 10));
    expect(cache.get('a', v(4), '2026-11-26')).toBeNull();
    // An outdated entry is dropped, not kept.
    expect(cache.size.entries).toBe(0);
  });

  it('stays within its byte budget, evicting the least recently used page first', () => {
    const cache = new PageCache(100);
    cache.set('a', page(1, 20));
    cache.set('b', page(1, 20));
    cache.set('c', page(1, 20));
    cache.get('a', v(1), '2026-11-26');
    cache.set('d', page(1, 25));
    cache.set('e', page(1, 25));
    expect(cache.size.bytes).toBeLessThanOrEqual(100);
    expect(cache.get('b', v(1), '2026-11-26')).toBeNull();
    expect(cache.get('a', v(1), '2026-11-26')).not.toBeNull();
    expect(cache.get('e', v(1), '2026-11-26')).not.toBeNull();
  });

  it('never lets a render that started earlier replace a newer page', () => {
    const cache = new PageCache();
    cache.set('a', page(5, 10));
    cache.set('a', page(4, 10));
    expect(cache.get('a', v(5), '2026-11-26')).not.toBeNull();
  });

  it('goes by the tag of the data a page shows, whatever else was written since', () => {
    const cache = new PageCache();
    cache.set('a', page(3, 10, '2026-11-26', 'catalog 1 event 3'));
    // Writes to other events moved the data version on; this page's data did not change.
    expect(cache.get('a', v(9, 'catalog 1 event 3'), '2026-11-26')).not.toBeNull();
    expect(cache.get('a', v(10, 'catalog 1 event 10'), '2026-11-26')).toBeNull();
    // A render read at an earlier data version never replaces a later one, whatever their tags.
    cache.set('a', page(12, 10, '2026-11-26', 'catalog 1 event 12'));
    cache.set('a', page(11, 10, '2026-11-26', 'data 11'));
    expect(cache.get('a', v(12, 'catalog 1 event 12'), '2026-11-26')).not.toBeNull();
  });

  it('does not keep a page larger than a quarter of its budget', () => {
    const cache = new PageCache(100);
    cache.set('big', page(1, 26));
    expect(cache.size.entries).toBe(0);
  });
});
