import type { FigureWithContext } from '@/db/queries/figures';
import { describeScope, formatDate, formatFigure, isCurrency } from '@/lib/wording';
import { CitationLink } from './citation-link';
import { SourceLink } from './source-link';

/** Every report of an event as a table: what was counted, the figure as worded, when and who. */
export function FigureTable({ figures, caption, citationOf }: { figures: FigureWithContext[]; caption: string; citationOf: Record<number, number> }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Group and place</th>
            <th scope="col" className="num">Figure</th>
            <th scope="col">Reported on</th>
            <th scope="col">Reported by and source</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.id} data-figure-id={f.id} className={f.status === 'retracted' ? 'retracted-row' : undefined}>
              <td>{f.metric.label}</td>
              <td>{describeScope(f.group, f.location)}</td>
              <td className="num">
                <span className={f.status === 'retracted' ? 'retracted' : undefined}>{formatFigure(f)}</span>
                {!isCurrency(f.unit) && f.qualifier !== 'unknown' ? <span className="muted"> {f.unit}</span> : null}
                {f.status === 'retracted' ? <div className="muted">retracted: {f.retractionReason}</div> : null}
              </td>
              <td><time dateTime={f.reportedOn}>{formatDate(f.reportedOn)}</time></td>
              <td>
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
