import type { CitedSource } from '@/lib/citations';
import { html, type Html } from '@/lib/html';
import { formatDate } from '@/lib/wording';
import { RawHtml } from './raw-html';
import { sourceLinkHtml } from './source-link';

/** One source: its citation, who and when, its full text when held, the quotes relied on, and what it is cited for. */
function sourceItemHtml(s: CitedSource, hasFullText: boolean): Html {
  // Semicolons between the cards cited: each label has commas of its own ("Deaths, civilians, Kazakhstan").
  // Cited by no card shown (an earlier count, a retracted one, a count past the cards each metric
  // shows; the list's note says so once), its own page lists the figures.
  const citedBy = s.citedBy.length
    ? html`<div class="cited-by">Cited on the cards for: ${s.citedBy.map((c, i) => html`<span>${i > 0 ? '; ' : ''}<a href="#${c.anchor}">${c.label}</a></span>`)}</div>`
    : html`<div class="cited-by">No card above cites it: see <a href="/sources/${s.id}#figures-title">the figures taken from it<span class="visually-hidden"> (source ${s.number})</span></a></div>`;
  // The page numbers sources as a reader meets them; the data names them by id (the CSV's
  // source_id): each item gives its id, linked to the source's own page.
  return html`<li id="source-${s.number}" value="${s.number}"><div>${sourceLinkHtml(s)}</div><div class="muted">${s.reportingBody}, <time datetime="${s.publishedOn}">${formatDate(
    s.publishedOn,
  )}</time> · <a href="/sources/${s.id}">source_id ${s.id}</a></div>${hasFullText ? html`<div><a href="/sources/${s.id}#full-text">Full text of this source</a></div>` : null}${s.quotes.map(
    (q) => html`<blockquote>“${q}”</blockquote>`,
  )}${citedBy}</li>`;
}

/** Every cited source once, numbered, with the quotes the page relies on, links back, and its full text when held. */
export function SourcesList({ sources, fullTexts }: { sources: CitedSource[]; fullTexts: ReadonlySet<number> }) {
  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      {/* Said once here, not under each of the (often many) sources it applies to. */}
      {sources.some((s) => s.citedBy.length === 0) ? (
        <p className="muted">A source no card above cites gave an earlier or a retracted report, or a report of a count that has no card; its page lists the figures taken from it.</p>
      ) : null}
      <RawHtml as="ol" className="sources" html={html`${sources.map((s) => sourceItemHtml(s, fullTexts.has(s.id)))}`} />
    </section>
  );
}
