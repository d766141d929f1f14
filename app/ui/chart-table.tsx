import type { ChartRow } from '@/lib/chart-data';
import { formatDate, unitShown } from '@/lib/wording';
import { CitationLink } from './citation-link';

/** The numbers of a chart as a table: what it draws, worded, dated and cited. */
export function ChartTable({ rows, caption, labelHeader, citationOf }: { rows: ChartRow[]; caption: string; labelHeader: string; citationOf: Record<number, number> }) {
  const showStatus = rows.some((r) => r.status);
  return (
    <div className="table-wrap">
      {/* reflow: one block per row on a phone (globals.css), labelled by position, with or without Status. */}
      <table className={showStatus ? 'chart-table reflow with-status' : 'chart-table reflow'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col" className="num">Figure</th>
            {showStatus ? <th scope="col">Status</th> : null}
            <th scope="col">Reported on</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.figure.id} data-figure-id={r.figure.id}>
              <th scope="row">{r.label}</th>
              <td className="num" data-value-low={r.figure.valueLow ?? undefined} data-value-best={r.figure.valueBest ?? undefined} data-value-high={r.figure.valueHigh ?? undefined}>
                <span className={r.figure.status === 'retracted' ? 'retracted' : undefined}>{r.wording}</span>
                {unitShown(r.figure) ? <span className="muted"> {r.figure.unit}</span> : null}
              </td>
              {showStatus ? <td>{r.status}</td> : null}
              <td><time dateTime={r.figure.reportedOn}>{formatDate(r.figure.reportedOn)}</time></td>
              <td>
                {r.figure.source.publisher || r.figure.source.reportingBody} <CitationLink number={citationOf[r.figure.sourceId] ?? 0} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
