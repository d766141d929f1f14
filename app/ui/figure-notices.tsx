import type { FigurePage } from '@/db/queries/figure-page';
import type { Standing } from '@/lib/figure-page';
import { figureHref } from '@/lib/page-id';
import { describeRevision, formatDate, formatFigureWithUnit } from '@/lib/wording';

/** The latest report of the count, named with a link: "230 people (Prosecutor General…, 14 March 2022)". */
function LatestReport({ latest }: { latest: NonNullable<FigurePage['latest']> }) {
  return (
    <>
      <a href={figureHref(latest.id)}>{formatFigureWithUnit(latest)}</a> ({latest.source.reportingBody},{' '}
      <time dateTime={latest.reportedOn}>{formatDate(latest.reportedOn)}</time>)
    </>
  );
}

/**
 * What a reader must know before using the figure, at the top of its page: that it was
 * retracted (and why), that a later report superseded it (and which), that it was changed here
 * after it was published (and from what). Nothing for the latest report, unchanged.
 */
export function FigureNotices({ page, standing }: { page: Pick<FigurePage, 'figure' | 'latest' | 'previous'>; standing: Standing }) {
  const { figure: f, latest, previous } = page;
  const revision = describeRevision(f, previous);
  if (standing === 'latest' && !revision) return null;
  return (
    <div className="notice" role="note">
      {standing === 'retracted' ? (
        <>
          <p><strong>This figure was retracted.</strong> The reason given: {f.retractionReason}</p>
          <p>
            It no longer counts for the event&apos;s headline figures, and downloads leave it out unless asked for. It is kept here, struck
            through in the event&apos;s tables, so that a citation of it still leads somewhere.
          </p>
        </>
      ) : null}
      {standing === 'superseded' && latest ? (
        <p>
          <strong>Superseded.</strong> The latest report of this count gives <LatestReport latest={latest} />; the event&apos;s page gives
          that one.
        </p>
      ) : null}
      {standing === 'retracted' && latest ? (
        <p>
          The latest report of this count gives <LatestReport latest={latest} />.
        </p>
      ) : null}
      {revision ? (
        <p>
          <strong>Changed on this site after it was published:</strong> {revision}. <a href="#history-title">What changed</a> is in its
          history below.
        </p>
      ) : null}
    </div>
  );
}
