import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { dynamicPageRequested, notFoundPageHeaders, withMissingPages, type DynamicPage } from '@/lib/missing-page';
import { sourceIdOf } from '@/lib/source-id';

const get = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers });

describe('dynamicPageRequested', () => {
  it('names the event or source a document request asks for', () => {
    expect(dynamicPageRequested(get('/events/kazakhstan-2022-unrest'))).toEqual({ kind: 'event', key: 'kazakhstan-2022-unrest' });
    expect(dynamicPageRequested({ ...get('/events/nope'), method: 'HEAD' })).toEqual({ kind: 'event', key: 'nope' });
    expect(dynamicPageRequested(get('/events/nope?timeline=deaths&x=1'))).toEqual({ kind: 'event', key: 'nope' });
    expect(dynamicPageRequested(get('/sources/12'))).toEqual({ kind: 'source', key: '12' });
    expect(dynamicPageRequested(get('/sources/abc'))).toEqual({ kind: 'source', key: 'abc' });
  });

  it('decodes the key as Next does, and gives an empty one for broken percent-encoding', () => {
    expect(dynamicPageRequested(get('/events/%D0%B0%20b'))).toEqual({ kind: 'event', key: 'а b' });
    expect(dynamicPageRequested(get('/events/%E0%A4'))).toEqual({ kind: 'event', key: '' });
  });

  it('leaves every other request to Next', () => {
    for (const url of ['/', '/events', '/events/', '/events/a/b', '/events/a/', '/sources', '/sources/1/x', '/admin/events/1', '/api/figures', '/eventsx/a']) {
      expect(dynamicPageRequested(get(url)), url).toBeNull();
    }
    expect(dynamicPageRequested({ ...get('/events/nope'), method: 'POST' })).toBeNull();
    // Next's own requests: JavaScript renders their not-found page.
    expect(dynamicPageRequested(get('/events/nope', { rsc: '1' }))).toBeNull();
    expect(dynamicPageRequested(get('/sources/9', { 'next-action': 'abc' }))).toBeNull();
  });
});

describe('sourceIdOf', () => {
  it('reads the digits the site writes, and nothing else', () => {
    expect(sourceIdOf('12')).toBe(12);
    expect(sourceIdOf('1')).toBe(1);
    for (const bad of ['', '0', '012', '-1', '1.5', '1e3', ' 1', 'abc', '99999999999999999']) expect(sourceIdOf(bad), bad).toBeNull();
  });
});

describe('notFoundPageHeaders', () => {
  it('gives the request the policy Next takes the nonce from, and the response every security header', () => {
    const { request, response } = notFoundPageHeaders('bm9uY2U=');
    expect(request['content-security-policy']).toContain("'nonce-bm9uY2U='");
    const names = response.map(([name]) => name.toLowerCase());
    for (const name of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'permissions-policy']) expect(names).toContain(name);
    expect(Object.fromEntries(response)['Content-Security-Policy']).toBe(request['content-security-policy']);
  });

  it('makes a new nonce each time when none is given', () => {
    const a = notFoundPageHeaders().request['content-security-policy'];
    const b = notFoundPageHeaders().request['content-security-policy'];
    expect(a).not.toBe(b);
  });
});

describe('withMissingPages', () => {
  type Call = { to: 'next' | '404'; csp?: string };
  const setUp = (exists: (page: DynamicPage) => boolean) => {
    const calls: Call[] = [];
    const asked: DynamicPage[] = [];
    const answer = withMissingPages(
      (req) => void calls.push({ to: 'next', csp: req.headers['content-security-policy'] as string | undefined }),
      (req) => void calls.push({ to: '404', csp: req.headers['content-security-policy'] as string | undefined }),
      (page) => {
        asked.push(page);
        return exists(page);
      },
    );
    const send = async (method: string, url: string, headers: Record<string, string> = {}) => {
      const set = new Map<string, string>();
      const res = { setHeader: vi.fn((name: string, value: string) => set.set(name.toLowerCase(), value)) } as unknown as ServerResponse;
      await answer({ method, url, headers: { ...headers } } as unknown as IncomingMessage, res);
      return { call: calls.at(-1)!, headers: set };
    };
    return { send, asked };
  };

  it('answers a document request for a missing event or source with the 404 page and its security headers', async () => {
    const { send } = setUp(() => false);
    for (const [method, url] of [['GET', '/events/nope'], ['HEAD', '/events/nope'], ['GET', '/sources/7']]) {
      const { call, headers } = await send(method!, url!);
      expect(call.to, `${method} ${url}`).toBe('404');
      expect(headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(headers.get('x-frame-options')).toBe('DENY');
      // Next puts on its scripts the nonce of the policy the response carries.
      expect(call.csp).toBe(headers.get('content-security-policy'));
    }
  });

  it('replaces a policy the client sent, so a nonce of its choosing never reaches the scripts', async () => {
    const { send } = setUp(() => false);
    const { call, headers } = await send('GET', '/events/nope', { 'content-security-policy': "script-src 'nonce-chosen'" });
    expect(call.csp).not.toContain('chosen');
    expect(call.csp).toBe(headers.get('content-security-policy'));
  });

  it('hands everything else to Next, asking the database only about event and source pages', async () => {
    const { send, asked } = setUp((page) => page.key === 'kazakhstan-2022-unrest');
    expect((await send('GET', '/events/kazakhstan-2022-unrest')).call.to).toBe('next');
    expect((await send('GET', '/events/%6bazakhstan-2022-unrest')).call.to).toBe('next');
    expect((await send('GET', '/events/nope', { rsc: '1' })).call.to).toBe('next');
    expect((await send('POST', '/events/nope')).call.to).toBe('next');
    expect((await send('GET', '/admin/figures')).call.to).toBe('next');
    expect((await send('GET', '/')).call.to).toBe('next');
    expect(asked).toEqual([{ kind: 'event', key: 'kazakhstan-2022-unrest' }, { kind: 'event', key: 'kazakhstan-2022-unrest' }]);
  });

  it('lets Next answer when the database cannot be read', async () => {
    const { send } = setUp(() => {
      throw new Error('SQLITE_CORRUPT');
    });
    const { call, headers } = await send('GET', '/events/nope');
    expect(call.to).toBe('next');
    expect(headers.size).toBe(0);
  });
});
