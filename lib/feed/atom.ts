import { fnv1a } from '@/lib/fnv1a';
import { escapeHtml } from '@/lib/html';

/** An Atom 1.0 entry (RFC 4287): its text is plain text, escaped here. */
export type AtomEntry = { id: string; title: string; link: string; updated: string; summary: string };

/** An Atom feed: the site is its author; `self` is the feed's own address, `alternate` the page it follows. */
export type AtomFeed = { id: string; title: string; subtitle: string; self: string; alternate: string; updated: string; author: string; entries: AtomEntry[] };

// XML 1.0 has no place for these control characters, even escaped: a reader would refuse the whole feed.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for an XML element or a double-quoted attribute: escaped, and without characters XML cannot hold. */
export function xmlText(text: string): string {
  return escapeHtml(text.replace(NOT_XML, ''));
}

const element = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;
const link = (rel: string, href: string, type?: string) => `<link rel="${rel}"${type ? ` type="${type}"` : ''} href="${xmlText(href)}"/>`;

/** The feed as an Atom document. */
export function atomXml(feed: AtomFeed): string {
  const entries = feed.entries.map((e) =>
    ['<entry>', element('id', e.id), element('title', e.title), link('alternate', e.link, 'text/html'), element('updated', e.updated), `<summary type="text">${xmlText(e.summary)}</summary>`, '</entry>'].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element('id', feed.id),
    element('title', feed.title),
    element('subtitle', feed.subtitle),
    link('self', feed.self, 'application/atom+xml'),
    link('alternate', feed.alternate, 'text/html'),
    element('updated', feed.updated),
    `<author>${element('name', feed.author)}</author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/**
 * A feed as a route's answer, Atom, with an ETag of `version` (what the feed was read at: the data
 * version, the address it names): a feed reader polling with If-None-Match gets 304 and no body
 * until something changed, and the feed is not even read for it.
 */
export function atomResponse(request: Request, version: string, feed: () => AtomFeed): Response {
  const etag = `"${fnv1a(version)}"`;
  const headers = { ETag: etag, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
  const known = request.headers.get('if-none-match')?.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (known?.includes(etag) || known?.includes('*')) return new Response(null, { status: 304, headers });
  return new Response(atomXml(feed()), { headers: { ...headers, 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
