import type { FigureWithContext } from '@/db/queries/figures';
import type { FigureChange } from '@/db/queries/audit-read';
import { REPORT_STATUS_WORDS } from '@/lib/dashboard';
import { describeRevision, describeScope, formatDate } from '@/lib/wording';
import { CitationLink } from './citation-link';
import { FigureNumber } from './figure-number';
import { SourceLink } from './source-link';

export const COLUMNS = ['Metric', 'Group and place', 'Figure', 'Reported on', 'Reported by and source'] as const;

/** Every report of an event as a table: what was counted, the figure as worded, when and who. */
export function FigureTable({ figures, caption, citationOf, changes, latestIds }: {
  figures: FigureWithContext[];
  caption: string;
  citationOf: Record<number, number>;
  /** The latest change of each figure changed after it was entered (db/queries/audit-read listFigureChanges). */
  changes?: ReadonlyMap<number, FigureChange>;
  /** The latest report of each count (its headline): the others published are marked superseded. */
  latestIds: ReadonlySet<number>;
}) {
  return (
    // On a narrow screen each row is laid out as a block, its cells labelled by their column
    // (globals.css, .reflow: the labels are COLUMNS, by position, so no row carries them), so the
    // source is on screen rather than past a sideways scroll. CSS display changes can take a
    // table's meaning away from screen readers; the roles keep it.
    <div className="table-wrap">
      <table className="reflow reports" role="table">
        <caption>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {COLUMNS.map((c) => <th key={c} scope="col" role="columnheader" className={c === 'Figure' ? 'num' : undefined}>{c}</th>)}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {figures.map((f) => (
            <tr key={f.id} role="row" data-figure-id={f.id} className={f.status === 'retracted' ? 'retracted-row' : undefined}>
              <td role="cell">{f.metric.label}</td>
              <td role="cell">{describeScope(f.group, f.location)}</td>
              <td role="cell" className="num">
                {/* The number leads to the report's own page: its series, its history here, a citation. */}
                <FigureNumber figure={f} />
                {/* Where the report stands in its count, as the chart tables and figure pages say it: 164, 225 and 230 are not all current. */}
                {f.status === 'retracted' ? (
                  <div className="muted">retracted: {f.retractionReason}</div>
                ) : (
                  <div className="muted standing">{latestIds.has(f.id) ? REPORT_STATUS_WORDS.headline : REPORT_STATUS_WORDS.superseded}</div>
                )}
                {f.revision > 1 ? <div className="muted revision">{describeRevision(f, changes?.get(f.id))}</div> : null}
              </td>
              <td role="cell"><time dateTime={f.reportedOn}>{formatDate(f.reportedOn)}</time></td>
              <td role="cell">
                <div>{f.source.reportingBody}</div>
                <div>
                  <SourceLink source={f.source} /> <CitationLink number={citationOf[f.sourceId] ?? 0} />
                </div>
                {f.quote ? <blockquote>“{f.quote}”</blockquote> : null}
                {f.note ? <div className="muted">Note: {f.note}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
