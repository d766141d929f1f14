import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CiteThisPage } from '@/app/ui/cite-this-page';
import { PublicHistory } from '@/app/ui/public-history';
import { SeriesReports } from '@/app/ui/series-reports';
import { SourceLink } from '@/app/ui/source-link';
import { loadFigurePage } from '@/lib/figure-page';
import { figureHref } from '@/lib/page-id';
import { siteUrl } from '@/lib/site-url';
import { describeScope, formatDate, formatFigureWithUnit, formatNumber } from '@/lib/wording';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = loadFigurePage((await params).id);
  return page ? { title: `${page.title} (${page.event.name})` } : { title: 'Figure not found' };
}

/** The numbers a figure was stored with, exactly: the page's wording rounds money and names ranges. */
function storedValues(f: { valueLow: number | null; valueBest: number | null; valueHigh: number | null; unit: string }): string {
  const parts = [['low', f.valueLow], ['best', f.valueBest], ['high', f.valueHigh]] as const;
  const given = parts.filter(([, v]) => v !== null).map(([name, v]) => `${name} ${formatNumber(v!, '')}`);
  return given.length ? `${given.join(', ')} (${f.unit})` : 'no number';
}

/**
 * One reported figure, citable by its own address: what was counted, the number, who reported it
 * and when, every report of the same count (how it was revised), and its history on this site. A
 * retracted figure keeps its page and says so, so an earlier citation of it still leads somewhere.
 */
export default async function FigurePage({ params }: Props) {
  const page = loadFigurePage((await params).id);
  if (!page) notFound();
  const { figure: f, event, latest, rows, seriesCount, seriesOffset, title } = page;
  // The page shows the figure and the reports of its count: its data changed when any of them did.
  const lastUpdated = rows.reduce((at, r) => (r.report.updatedAt > at ? r.report.updatedAt : at), f.updatedAt);
  const scope = describeScope(f.group, f.location);
  const csv = `/api/figures.csv?${new URLSearchParams({ event: event.slug, metric: f.metric.key, group: f.group, location: f.location, status: 'all' })}`;
  return (
    <>
      <h1>{title}</h1>
      <p className="lede">
        Reported on <time dateTime={f.reportedOn}>{formatDate(f.reportedOn)}</time> by {f.source.reportingBody}, for the{' '}
        <a href={`/events/${event.slug}`}>{event.name}</a>.
      </p>
      {latest && latest.id !== f.id && f.status === 'published' ? (
        <div className="notice" role="note">
          <p>
            <strong>A later report gives {formatFigureWithUnit(latest)}</strong>: {latest.source.reportingBody},{' '}
            <time dateTime={latest.reportedOn}>{formatDate(latest.reportedOn)}</time> (<a href={figureHref(latest.id)}>see that report</a>). The event&apos;s
            headline for this count is the latest report.
          </p>
        </div>
      ) : null}
      {f.status === 'retracted' ? (
        <div className="notice" role="note">
          <p><strong>This figure was retracted.</strong> The reason given: {f.retractionReason}</p>
          <p>It no longer counts for the event&apos;s headline figures, and downloads leave it out unless asked for. It is kept here, struck through in the event&apos;s tables, so that a citation of it still leads somewhere.</p>
        </div>
      ) : null}
      <dl className="source-facts">
        <dt>What was counted</dt>
        <dd>{f.metric.label}</dd>
        <dt>Group and place</dt>
        <dd>{f.group === 'all' ? 'all groups' : f.group}, {f.location}</dd>
        <dt>Stored values</dt>
        <dd>{storedValues(f)}</dd>
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
      <CiteThisPage title={`${title}, ${event.name}`} url={`${await siteUrl()}${figureHref(f.id)}`} accessed={new Date().toISOString().slice(0, 10)} lastUpdated={lastUpdated} />
    </>
  );
}
