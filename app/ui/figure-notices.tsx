import type { FigurePage } from '@/db/queries/figure-page';
import type { Standing } from '@/lib/figure-page';
import { figureHref } from '@/lib/page-id';
import { changedOutsideLatest, correctionsOf } from '@/lib/public-history';
import { formatDate, formatFigureWithUnit } from '@/lib/wording';

const when = (at: string) => formatDate(at.slice(0, 10));

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
 * retracted (and why), that a later report superseded it (and which), that it was corrected here
 * after it was published (when, and the number it had: lib/public-history.ts correctionsOf). When
 * its latest change left no audit entry (made in the database itself), only that it changed: the
 * history cannot say when, or what it was before. Nothing for the latest report, uncorrected.
 */
export function FigureNotices({ page, standing }: { page: Pick<FigurePage, 'figure' | 'latest' | 'history'>; standing: Standing }) {
  const { figure: f, latest, history } = page;
  const unrecorded = changedOutsideLatest(f, history);
  const corrected = unrecorded ? null : correctionsOf(history);
  if (standing === 'latest' && !unrecorded && !corrected?.latest) return null;
  return (
    <div className="notice" role="note">
      {standing === 'retracted' ? (
        <>
          <p><strong>This figure was retracted.</strong> The reason given: {f.retractionReason}</p>
          <p>
            It no longer counts for the event&apos;s headline figures. Downloads that include it, such as the event&apos;s download of all
            figures, mark it as retracted in their <code>standing</code> column; the API leaves it out unless asked for
            (<code>status=all</code>). It is kept here, struck through in the event&apos;s tables, so that a citation of it still leads
            somewhere.
          </p>
        </>
      ) : null}
      {standing === 'superseded' && latest ? (
        <p>
          <strong>Superseded.</strong> The latest report of this count gives <LatestReport latest={latest} />.
        </p>
      ) : null}
      {standing === 'retracted' && latest ? (
        <p>
          The latest report of this count gives <LatestReport latest={latest} />.
        </p>
      ) : null}
      {unrecorded ? (
        <p>
          <strong>Changed on this site after it was published</strong>, by a change made outside the site&apos;s editing forms and imports
          (it is now revision {f.revision}): when, and what it said before, are not recorded. <a href="#history-title">What is recorded</a> is
          in its history below.
        </p>
      ) : corrected?.latest ? (
        <p>
          <strong>Changed on this site after it was published</strong>, last on <time dateTime={corrected.latest.at}>{when(corrected.latest.at)}</time>
          {/* The reason is that change's, so it sits with it, before what the number was (maybe an earlier change). */}
          {corrected.latest.revision || corrected.latest.reason
            ? ` (${[corrected.latest.revision ? `revision ${corrected.latest.revision}` : '', corrected.latest.reason ? `the reason given: “${corrected.latest.reason}”` : ''].filter(Boolean).join('; ')})`
            : null}
          {corrected.number ? `; its number was ${formatFigureWithUnit(corrected.number.was)} until ${when(corrected.number.at)}` : null}.{' '}
          {/* Later revisions changed only whether it stands (a correction is the newest change of anything else). */}
          {/* Its status now says which came last: a retraction, or publishing it again after one. */}
          {corrected.latest.revision && corrected.latest.revision < f.revision
            ? `${f.status === 'retracted' ? 'Retracted' : 'Published again'} since then (it is now revision ${f.revision}). `
            : null}
          <a href="#history-title">What changed</a> is in its history below.
        </p>
      ) : null}
    </div>
  );
}
