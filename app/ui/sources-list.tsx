import type { CitedSource } from '@/lib/citations';
import { formatDate } from '@/lib/wording';
import { SourceLink } from './source-link';

/** Every cited source once, numbered, with the quotes the page relies on, links back, and its full text when held. */
export function SourcesList({ sources, fullTexts }: { sources: CitedSource[]; fullTexts: ReadonlySet<number> }) {
  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      <ol className="sources">
        {sources.map((s) => (
          <li key={s.id} id={`source-${s.number}`} value={s.number}>
            <div>
              <SourceLink source={s} />
            </div>
            <div className="muted">
              {s.reportingBody}, <time dateTime={s.publishedOn}>{formatDate(s.publishedOn)}</time>
            </div>
            {fullTexts.has(s.id) ? (
              <div>
                <a href={`/sources/${s.id}#full-text`}>Full text of this source</a>
              </div>
            ) : null}
            {s.quotes.map((q) => (
              <blockquote key={q}>“{q}”</blockquote>
            ))}
            {s.citedBy.length ? (
              <div className="cited-by">
                Cited for:{' '}
                {/* Semicolons between them: each label has commas of its own ("Deaths, civilians, Kazakhstan"). */}
                {s.citedBy.map((c, i) => (
                  <span key={c.anchor}>
                    {i > 0 ? '; ' : ''}
                    <a href={`#${c.anchor}`}>{c.label}</a>
                  </span>
                ))}
              </div>
            ) : (
              // Cited by no card shown (an earlier count, a retracted one, a count past the cards
              // each metric shows): its own page lists the figures.
              <div className="cited-by">
                No card above cites it (it gave an earlier or a retracted report, or one without a card): see{' '}
                <a href={`/sources/${s.id}#figures-title`}>the figures taken from it</a>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
