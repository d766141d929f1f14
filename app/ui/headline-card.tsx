import { givesNumber } from '@/lib/dashboard';
import type { HeadlineCard as Card } from '@/lib/event-dashboard';
import { figureHref } from '@/lib/page-id';
import type { FigureChange } from '@/db/queries/audit-read';
import { describeOtherReports, describeReportSpread, describeRevision, describeScope, formatDate, formatFigure, unitShown } from '@/lib/wording';
import { CitationLink } from './citation-link';

/** One headline: the latest figure of a series, who reported it and when, and the spread of reports. */
export function HeadlineCard({ card, citation, change }: { card: Card; citation: number; change?: FigureChange }) {
  const { headline, series } = card;
  const unit = unitShown(headline);
  const range = series.range;
  const revision = describeRevision(headline, change);
  const others = range ? null : describeOtherReports(series, givesNumber(headline));
  return (
    <article className={card.primary ? 'card card-primary' : 'card'} id={card.anchor} aria-labelledby={`${card.anchor}-label`}>
      <h4 id={`${card.anchor}-label`} className="card-label">
        <span id={`${card.anchor}-metric`}>{series.metricLabel}</span>
        <span className="card-scope" id={`${card.anchor}-scope`}>{describeScope(series.group, series.location)}</span>
      </h4>
      <p className="card-figure">
        {/* Read out of its card (a list of the page's links), the number says what it counts. */}
        <a className="card-value" href={figureHref(headline.id)} aria-describedby={`${card.anchor}-metric ${card.anchor}-scope`}>{formatFigure(headline)}</a>
        {unit ? <span className="card-unit"> {unit}</span> : null}
      </p>
      <p className="card-meta">
        Reported <time dateTime={headline.reportedOn}>{formatDate(headline.reportedOn)}</time> by {headline.source.reportingBody}{' '}
        <CitationLink number={citation} id={`cite-${card.anchor}`} />
        {revision ? <span className="revision">; {revision}</span> : null}
      </p>
      {range ? (
        <p className="card-range">{describeReportSpread(range, headline.unit)}</p>
      ) : others ? (
        <p className="card-range">{others}</p>
      ) : null}
    </article>
  );
}
