import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/index';
import { currentEventSlug } from '@/db/queries/event-moves';
import { ChartsSection } from '@/app/ui/charts-section';
import { CiteThisPage } from '@/app/ui/cite-this-page';
import { FigureTable } from '@/app/ui/figure-table';
import { FocusOnArrival } from '@/app/ui/focus-on-arrival';
import { HeadlineCards } from '@/app/ui/headline-cards';
import { NoticeList } from '@/app/ui/notice-list';
import { PageContents } from '@/app/ui/page-contents';
import { Pagination } from '@/app/ui/pagination';
import { SourcesList } from '@/app/ui/sources-list';
import { dashboardDefaults, latestOfCounts, loadEventDashboard, loadEventPage } from '@/lib/event-dashboard';
import { linkNotices } from '@/lib/link-notices';
import { dashboardHref, readDashboardLink } from '@/lib/url-state';
import { siteUrl } from '@/lib/site-url';
import { formatDate, formatNumber } from '@/lib/wording';

export const dynamic = 'force-dynamic';

// Fifty rows a page: the page stays light (the table is sent twice, as HTML and as a string in the
// payload React hydrates from); the CSV download has every report.
const REPORTS_PER_PAGE = 50;

/** The table's caption: what it lists, in which order, and which rows this page shows. */
function reportsCaption(eventName: string, page: number, reportCount: number): string {
  const caption = `Every figure reported for ${eventName}, by metric, then group and place, then date reported`;
  if (reportCount <= REPORTS_PER_PAGE) return caption;
  const first = (page - 1) * REPORTS_PER_PAGE + 1;
  const last = Math.min(page * REPORTS_PER_PAGE, reportCount);
  return `${caption}: reports ${formatNumber(first, '')}–${formatNumber(last, '')} of ${formatNumber(reportCount, '')}`;
}

/** A page's query again, as a URL's search part ("" when empty). */
function searchOf(query: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value ?? []].flat()) search.append(key, v);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The event's Atom feed (feed.xml/route.ts). */
const feedPath = (slug: string) => `/events/${slug}/feed.xml`;

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const dashboard = loadEventDashboard(slug);
  // The page redirects an old or capitalised address (below): its answer is not "not found".
  if (!dashboard) return { title: currentEventSlug(getDb(), slug) ? 'Event moved' : 'Event not found' };
  return {
    title: dashboard.event.name,
    description: `Deaths, injuries, detentions and damage in the ${dashboard.event.name}, with the source of every figure.`,
    // Feed readers find the event's feed from its page.
    alternates: { types: { 'application/atom+xml': [{ url: feedPath(dashboard.event.slug), title: `${dashboard.event.name}: new and changed figures` }] } },
  };
}

/** The dashboard of one event: headlines, charts, every report, sources and a citation. */
export default async function EventPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const pageUrl = `${await siteUrl()}/events/${slug}`;
  // One snapshot for everything below: cards, charts and the table page of the same version.
  const view = loadEventPage(slug, (d) => {
    const defaults = dashboardDefaults(d);
    const pages = Math.max(1, Math.ceil(d.reportCount / REPORTS_PER_PAGE));
    // A page past the end shows the last, and the page's links keep that one.
    const { state, problems } = readDashboardLink(query, { metrics: d.metrics.map((m) => m.key), units: d.units, reportPages: pages }, defaults);
    const labels = new Map(d.metrics.map((m) => [m.key, m.label]));
    const notices = linkNotices(problems, (key) => labels.get(key) ?? key);
    return { pick: state, reportsPage: state.reportsPage, perPage: REPORTS_PER_PAGE, pages, state, defaults, notices };
  });
  if (!view) {
    // An address an editor has since changed (or written in capitals) leads to the page as it is
    // now, with its choices: a citation of the old address keeps working. Temporarily (307): a
    // slug may be changed back, and a browser keeps a permanent redirect.
    const moved = currentEventSlug(getDb(), slug);
    if (moved) redirect(`/events/${moved}${searchOf(query)}`);
    notFound();
  }
  const { dashboard, charts, reports: shown } = view;
  const { state, defaults, pages, reportsPage: page, notices } = view.choice;
  const { event, reportCount, retractedCount, sources } = dashboard;

  return (
    <>
      <h1>{event.name}</h1>
      <p className="lede">
        {event.country}, {formatDate(event.startDate)}
        {event.endDate ? ` – ${formatDate(event.endDate)}` : ' – ongoing'}. {event.description}
      </p>
      {reportCount === 0 ? (
        // A new event: nothing to chart, list or count yet, so no empty sections; the feed tells of
        // the first report. (A link's chart or page choices are moot: the message says why.)
        <p className="summary">
          No figures have been reported for this event yet.{' '}
          <a href={feedPath(event.slug)} type="application/atom+xml">Follow new and changed figures (Atom feed)</a> to hear of the first.
        </p>
      ) : (
        <>
          <p className="summary">
            {formatNumber(reportCount, "")} reports{retractedCount ? ` (${formatNumber(retractedCount, '')} retracted)` : ''} from {formatNumber(sources.length, "")} sources.{' '}
            <a href={`/api/figures.csv?${new URLSearchParams({ event: event.slug, status: 'all' })}`} download>Download all figures, retracted ones included and marked (CSV)</a>
            {' · '}
            <a href={feedPath(event.slug)} type="application/atom+xml">Follow new and changed figures (Atom feed)</a>
          </p>
          <PageContents hasCharts={charts !== null} />
          <HeadlineCards dashboard={dashboard} changes={view.changes} />
          {charts ? <ChartsSection dashboard={dashboard} charts={charts} state={state} defaults={defaults} notices={notices.charts} /> : null}
          <section aria-labelledby="all-reports">
            <h2 id="all-reports">All reports ({formatNumber(reportCount, "")})</h2>
            <NoticeList notices={notices.reports} />
            <FigureTable figures={shown} citationOf={dashboard.citationOf} changes={view.changes} latestIds={latestOfCounts(dashboard)} caption={reportsCaption(event.name, page, reportCount)} />
            <Pagination label="All reports: pages" page={page} pages={pages} hrefFor={(p) => dashboardHref(state, { reportsPage: p }, defaults, '#all-reports')} />
            {pages > 1 ? <FocusOnArrival id="all-reports" /> : null}
          </section>
          <SourcesList sources={sources} fullTexts={view.fullTexts} />
        </>
      )}
      <CiteThisPage title={event.name} url={pageUrl} accessed={new Date().toISOString().slice(0, 10)} lastUpdated={dashboard.lastUpdated} />
    </>
  );
}
