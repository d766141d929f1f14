import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { dynamicPageRequested, withMissingPages, type DynamicPage } from '@/lib/missing-page';
import { pageIdOf } from '@/lib/page-id';

const get = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers });

describe('dynamicPageRequested', () => {
  it('names the event or source a document request asks for', () => {
    expect(dynamicPageRequested(get('/events/kazakhstan-2022-unrest'))).toEqual({ kind: 'event', key: 'kazakhstan-2022-unrest' });
    expect(dynamicPageRequested({ ...get('/events/nope'), method: 'HEAD' })).toEqual({ kind: 'event', key: 'nope' });
    expect(dynamicPageRequested(get('/events/nope?timeline=deaths&x=1'))).toEqual({ kind: 'event', key: 'nope' });
    expect(dynamicPageRequested(get('/sources/12'))).toEqual({ kind: 'source', key: '12' });
    expect(dynamicPageRequested(get('/sources/abc'))).toEqual({ kind: 'source', key: 'abc' });
    expect(dynamicPageRequested(get('/figures/7'))).toEqual({ kind: 'figure', key: '7' });
    expect(dynamicPageRequested(get('/admin/events/1'))).toEqual({ kind: 'admin-event', key: '1' });
    expect(dynamicPageRequested(get('/admin/sources/abc'))).toEqual({ kind: 'admin-source', key: 'abc' });
    expect(dynamicPageRequested(get('/admin/figures/999999'))).toEqual({ kind: 'admin-figure', key: '999999' });
  });

  it('decodes the key as Next does, and gives an empty one for broken percent-encoding', () => {
    expect(dynamicPageRequested(get('/events/%D0%B0%20b'))).toEqual({ kind: 'event', key: 'а b' });
    expect(dynamicPageRequested(get('/events/%E0%A4'))).toEqual({ kind: 'event', key: '' });
  });

  it('leaves every other request to Next', () => {
    for (const url of ['/', '/events', '/events/', '/events/a/b', '/events/a/', '/sources', '/sources/1/x', '/figures', '/figures/7/x', '/admin/events/new', '/admin/sources/new', '/admin/figures/new', '/admin/figures/1/x', '/admin/figures', '/api/figures', '/eventsx/a']) {
      expect(dynamicPageRequested(get(url)), url).toBeNull();
    }
    expect(dynamicPageRequested({ ...get('/events/nope'), method: 'POST' })).toBeNull();
    // Next's own requests: JavaScript renders their not-found page.
    expect(dynamicPageRequested(get('/events/nope', { rsc: '1' }))).toBeNull();
    expect(dynamicPageRequested(get('/sources/9', { 'next-action': 'abc' }))).toBeNull();
  });
});

describe('pageIdOf', () => {
  it('reads the digits the site writes, and nothing else', () => {
    expect(pageIdOf('12')).toBe(12);
    expect(pageIdOf('1')).toBe(1);
    for (const bad of ['', '0', '012', '-1', '1.5', '1e3', ' 1', 'abc', '99999999999999999']) expect(pageIdOf(bad), bad).toBeNull();
  });
});

describe('withMissingPages', () => {
  const setUp = (exists: (page: DynamicPage) => boolean) => {
    const calls: Array<'next' | '404'> = [];
    const asked: DynamicPage[] = [];
    const answer = withMissingPages(
      () => void calls.push('next'),
      () => void calls.push('404'),
      (page) => {
        asked.push(page);
        return exists(page);
      },
    );
    const send = async (method: string, url: string, headers: Record<string, string> = {}) => {
      await answer({ method, url, headers } as unknown as IncomingMessage, {} as ServerResponse);
      return calls.at(-1);
    };
    return { send, asked };
  };

  it('answers a document request for a missing event or source with the 404 page', async () => {
    const { send } = setUp(() => false);
    expect(await send('GET', '/events/nope')).toBe('404');
    expect(await send('HEAD', '/events/nope')).toBe('404');
    expect(await send('GET', '/sources/7')).toBe('404');
    expect(await send('GET', '/events/nope?timeline=deaths')).toBe('404');
  });

  it('hands everything else to Next, asking the database only about event and source pages', async () => {
    const { send, asked } = setUp((page) => page.key === 'kazakhstan-2022-unrest');
    expect(await send('GET', '/events/kazakhstan-2022-unrest')).toBe('next');
    expect(await send('GET', '/events/%6bazakhstan-2022-unrest')).toBe('next');
    expect(await send('GET', '/events/nope', { rsc: '1' })).toBe('next');
    expect(await send('POST', '/events/nope')).toBe('next');
    expect(await send('GET', '/admin/figures')).toBe('next');
    expect(await send('GET', '/')).toBe('next');
    expect(asked).toEqual([{ kind: 'event', key: 'kazakhstan-2022-unrest' }, { kind: 'event', key: 'kazakhstan-2022-unrest' }]);
  });

  it('lets Next answer when the database cannot be read', async () => {
    const { send } = setUp(() => {
      throw new Error('SQLITE_CORRUPT');
    });
    expect(await send('GET', '/events/nope')).toBe('next');
  });
});
