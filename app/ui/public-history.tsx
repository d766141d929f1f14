import { Fragment } from 'react';
import type { FigurePage } from '@/db/queries/figure-page';
import { diffSnapshots, snapshotOf } from '@/lib/audit-diff';
import { publicEntryTitle, unrecordedChanges, wordableOf } from '@/lib/public-history';
import { formatDate, formatFigureWithUnit } from '@/lib/wording';
import { ChangeReason, ConfirmedWarning } from './change-reason';
import { FieldChanges } from './field-changes';

/** An audit time ("2026-11-26T10:03:12.000Z") as "26 November 2026, 10:03 UTC". */
const when = (at: string) => `${formatDate(at.slice(0, 10))}, ${at.slice(11, 16)} UTC`;

const OUTSIDE = "made outside the site's editing forms and imports, so what it changed is not recorded here";

/**
 * A figure's history on this site, newest first: each change with the fields it changed, before
 * and after, but not who made it (lib/public-history.ts). A change made outside the site's forms
 * (in the database itself) left no entry; where one did, the page says so rather than implying
 * the history is whole.
 */
export function PublicHistory({ page }: { page: Pick<FigurePage, 'figure' | 'history' | 'names'> }) {
  const { figure, history, names } = page;
  const missing = unrecordedChanges(figure, history);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History on this site</h2>
      {missing.sinceLatest ? (
        <p className="muted">
          {history.length
            ? `Its latest change was ${OUTSIDE}.`
            : "No change to this figure is recorded here: it was written to the database directly, not through the site's editing forms or imports."}
        </p>
      ) : null}
      {history.map((entry) => {
        const after = snapshotOf(entry.after);
        const revision = after?.revision;
        const changes = entry.before ? diffSnapshots(snapshotOf(entry.before), after, names) : [];
        return (
          <Fragment key={entry.id}>
            <article className="history-entry">
              <h3>
                {publicEntryTitle(entry)}, <time dateTime={entry.at}>{when(entry.at)}</time>
                {typeof revision === 'number' ? <span className="muted"> · revision {revision}</span> : null}
              </h3>
              <ChangeReason entry={entry} />
              <ConfirmedWarning entry={entry} />
              {!entry.before ? (
                after ? <p>Entered as {formatFigureWithUnit(wordableOf(after))}.</p> : null
              ) : changes.length ? (
                <FieldChanges changes={changes} caption={`What changed, ${when(entry.at)}`} created={false} />
              ) : (
                <p className="muted">No field changed.</p>
              )}
            </article>
            {missing.between.has(entry.id) ? <p className="muted">Before the change above, another was {OUTSIDE}.</p> : null}
          </Fragment>
        );
      })}
    </section>
  );
}
