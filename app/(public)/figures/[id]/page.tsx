import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CiteThisPage } from '@/app/ui/cite-this-page';
import { FigureNotices } from '@/app/ui/figure-notices';
import { PublicHistory } from '@/app/ui/public-history';
import { SeriesReports } from '@/app/ui/series-reports';
import { SourceLink } from '@/app/ui/source-link';
import { lastUpdatedOf, latestOfCountWords, loadFigurePage } from '@/lib/figure-page';
import { countCsvHref, figureHref } from '@/lib/page-id';
import { siteUrl } from '@/lib/site-url';
import { describeScope, formatAmountInFull, formatDate, formatFigure, formatFigureWithUnit, formatNumber, isCurrency } from '@/lib/wording';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = loadFigurePage((await params).id);
  // The event after a dash: the title may end in "(superseded)", and two brackets in a row read badly.
  return page ? { title: `${page.title} — ${page.event.name}` } : { title: 'Figure not found' };
}

/** A money figure's amounts as entered, in full: "best KZT 93,700,000,000" or "low …, high …". */

/**
 * One reported figure, citable by its own address: what was counted, the number, who reported it
 * and when, every report of the same count (how it was revised), and its history on this site. A
 * retracted figure keeps its page and says so, so an earlier citation of it still leads somewhere.
 */
export default async function FigurePage({ params }: Props) {
  const page = loadFigurePage((await params).id);
  if (!page) notFound();
  const { figure: f, event, rows, seriesCount, seriesOffset, standing, title } = page;
  const lastUpdated = lastUpdatedOf(page);
  const scope = describeScope(f.group, f.location);
  const csv = countCsvHref({ event: event.slug, metric: f.metric.key, group: f.group, location: f.location });
  const reported = `reported by ${f.source.reportingBody} on ${formatDate(f.reportedOn)}`;
  return (
    <>
      <h1>{title}</h1>
      <p className="lede">
        Reported on <time dateTime={f.reportedOn}>{formatDate(f.reportedOn)}</time> by {f.source.reportingBody}, for the{' '}
        <a href={`/events/${event.slug}`}>{event.name}</a>.
        {standing === 'latest' ? ` ${latestOfCountWords(seriesCount, page.seriesRetracted)}` : null}
      </p>
      <FigureNotices page={page} standing={standing} />
      <dl className="source-facts">
        <dt>What was counted</dt>
        <dd>{f.metric.label}</dd>
        <dt>Group and place</dt>
        <dd>{f.group === 'all' ? 'all groups' : f.group}, {f.location}</dd>
        <dt>Number as reported</dt>
        <dd>{formatFigureWithUnit(f)}</dd>
        {isCurrency(f.unit) && f.qualifier !== 'unknown' && formatAmountInFull(f) !== formatFigure(f) ? (
          <>
            {/* Money is worded compactly ("93.7 billion") when that is exact; here, every amount as entered (unless that is what is above). */}
            <dt>Amount in full</dt>
            <dd>{formatAmountInFull(f)}</dd>
          </>
        ) : null}
        <dt>Reported by</dt>
        <dd>{f.source.reportingBody}</dd>
        <dt>Source</dt>
        <dd>
          <SourceLink source={f.source} /> (<a href={`/sources/${f.sourceId}`}>about this source</a>)
        </dd>
        {f.quote ? (
          <>
            <dt>Quote</dt>
            <dd><blockquote>“{f.quote}”</blockquote></dd>
          </>
        ) : null}
        {f.note ? (
          <>
            <dt>Note</dt>
            <dd>{f.note}</dd>
          </>
        ) : null}
        <dt>On this site</dt>
        <dd>
          Figure {f.id}, revision {f.revision}; entered <time dateTime={f.createdAt}>{formatDate(f.createdAt.slice(0, 10))}</time>
          {f.updatedAt !== f.createdAt ? <>, last changed <time dateTime={f.updatedAt}>{formatDate(f.updatedAt.slice(0, 10))}</time></> : null}
        </dd>
      </dl>
      <section aria-labelledby="series-title">
        <h2 id="series-title">Every report of this count</h2>
        <SeriesReports
          rows={rows}
          first={seriesOffset + 1}
          total={seriesCount}
          current={f.id}
          caption={`${f.metric.label}, ${scope}: ${formatNumber(seriesCount, '')} ${seriesCount === 1 ? 'report' : 'reports'} by the date reported`}
          csvHref={csv}
        />
      </section>
      <PublicHistory page={page} />
      <CiteThisPage title={`${title}, ${reported}; ${event.name}`} detail={`figure ${f.id}, revision ${f.revision}`} url={`${await siteUrl()}${figureHref(f.id)}`} accessed={new Date().toISOString().slice(0, 10)} lastUpdated={lastUpdated} />
    </>
  );
}
