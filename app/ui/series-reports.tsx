import type { SeriesRow } from '@/lib/dashboard';
import { formatDate, formatNumber } from '@/lib/wording';
import { FigureNumber } from './figure-number';
import { SourceLink } from './source-link';

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
      <div className="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Reported on</th>
              <th scope="col" className="num">Figure</th>
              <th scope="col">Status</th>
              <th scope="col">Reported by and source</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ report: r, status }) => {
              const here = r.id === current;
              return (
                <tr key={r.id} data-figure-id={r.id} aria-current={here ? 'true' : undefined} className={here ? 'current-row' : undefined}>
                  <td><time dateTime={r.reportedOn}>{formatDate(r.reportedOn)}</time></td>
                  <td className="num">
                    <FigureNumber figure={r} current={here} />
                    {here ? <div className="muted">this report</div> : null}
                  </td>
                  <td>
                    {status}
                    {r.status === 'retracted' ? <div className="muted">{r.retractionReason}</div> : null}
                  </td>
                  <td>
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
