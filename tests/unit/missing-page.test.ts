import { describe, expect, it } from 'vitest';
import { dynamicPageRequested, notFoundPageHeaders } from '@/lib/missing-page';
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
