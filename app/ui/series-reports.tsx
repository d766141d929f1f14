import type { SeriesRow } from '@/lib/dashboard';
import { formatDate, formatNumber } from '@/lib/wording';
import { FigureNumber } from './figure-number';
import { SourceLink } from './source-link';

export const SERIES_COLUMNS = ['Reported on', 'Figure', 'Status', 'Reported by and source'] as const;

/**
 * The reports of one count by the date they were reported, the one the page is about marked: how
 * a count was revised (164, then 225, then 230), and who gave each number. A long count is shown
 * as the reports around the page's own; `first` is the position of the first one listed (from 1).
 */
export function SeriesReports({ rows, first, total, current, caption, csvHref }: {
  rows: SeriesRow[];
  first: number;
  total: number;
  current: number;
  caption: string;
  csvHref: string;
}) {
  return (
    <>
      {/* On a narrow screen each row is a block, its cells labelled (globals.css, .reflow); the roles keep the table's meaning. */}
      <div className="table-wrap">
        <table className="reflow series-reports" role="table">
          <caption>{caption}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {SERIES_COLUMNS.map((c) => <th key={c} scope="col" role="columnheader" className={c === 'Figure' ? 'num' : undefined}>{c}</th>)}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map(({ report: r, status }) => {
              const here = r.id === current;
              return (
                <tr key={r.id} role="row" data-figure-id={r.id} aria-current={here ? 'true' : undefined} className={here ? 'current-row' : undefined}>
                  <td role="cell"><time dateTime={r.reportedOn}>{formatDate(r.reportedOn)}</time></td>
                  <td role="cell" className="num">
                    <FigureNumber figure={r} current={here} />
                    {here ? <div className="muted">this report</div> : null}
                  </td>
                  <td role="cell">
                    {status}
                    {r.status === 'retracted' ? <div className="muted">{r.retractionReason}</div> : null}
                  </td>
                  <td role="cell">
                    <div>{r.source.reportingBody}</div>
                    <div><SourceLink source={r.source} /></div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        {total > rows.length
          ? `Reports ${formatNumber(first, '')}–${formatNumber(first + rows.length - 1, '')} of ${formatNumber(total, '')} are listed, around this one. `
          : null}
        <a href={csvHref} download>Download every report of this count (CSV)</a>
      </p>
    </>
  );
}
