import type { Source } from '@/db/schema';
import { html, type Html } from '@/lib/html';
import { safeHttpUrl } from '@/lib/safe-url';
import { RawHtml } from './raw-html';

/** Whether a source's citation names only who reported it (no title, no publisher): it says nothing more. */
export function sourceNamesReporter(source: Pick<Source, 'publisher' | 'title'>): boolean {
  return !source.title && !source.publisher;
}

type Named = Pick<Source, 'publisher' | 'title' | 'url' | 'reportingBody'>;

/** A source named as a citation: publisher, title (linked, in a new tab, when it has an http(s) address). */
export function sourceLinkHtml(source: Named): Html {
  const href = safeHttpUrl(source.url);
  const label = source.title || source.publisher || source.reportingBody;
  return html`${source.publisher && source.title ? html`<span>${source.publisher}: </span>` : null}${
    href ? html`<a href="${href}" rel="noopener noreferrer" target="_blank">${label}<span class="visually-hidden"> (opens in a new tab)</span></a>` : html`<cite>${label}</cite>`
  }`;
}

/** sourceLinkHtml where a React page shows it. */
export function SourceLink({ source }: { source: Named }) {
  return <RawHtml as="span" className="markup" html={sourceLinkHtml(source)} />;
}
