import 'server-only';
import { getDb, readTransaction } from '@/db/index';
import { readDataVersion } from '@/db/queries/data-version';
import { findEventBySlug } from '@/db/queries/events';
import { listEventFiguresByIds, listMetricFiguresPage, listSeriesReports, listEventQuotes, type FigureWithContext } from '@/db/queries/figures';
import { listEventSources, listSeriesSummaries, seriesSummariesChangedSince, type SeriesSummaryRow } from '@/db/queries/series-summaries';
import { sourcesWithFullText } from '@/db/queries/source-page';
import { listFigureChanges } from '@/db/queries/audit-read';
import { listMetricsById } from '@/db/queries/metrics';
import type { Event } from '@/db/schema';
import { assembleDashboard, chartsFor, reportsPageSpans, type EventCharts, type EventDashboard } from './event-dashboard-model';
import { rangeOf, seriesKey, sortSeries, type SeriesSummary } from './dashboard';
import { cachePerDatabase } from './versioned-cache';

export { CARDS_PER_METRIC, dashboardDefaults, latestOfCounts, type EventCharts, type EventDashboard, type HeadlineCard } from './event-dashboard-model';

const cacheOf = cachePerDatabase<EventDashboard | null>(100);

/**
 * Everything the event page shows above its charts and table, computed once per data version:
 * any edit anywhere bumps the version, so the next request recomputes and no reader sees a stale
 * number. It reads the stored summary of each series (after a write, only those recomputed
 * since the previous version) and the few figures the cards show, never every report.
 */
export function loadEventDashboard(slug: string): EventDashboard | null {
  const db = getDb();
  // One snapshot, the version read first: what is cached under a version is exactly that version.
  return readTransaction(db, () => {
    const { version } = readDataVersion(db);
    // Only real events are cached, so made-up addresses cannot push them out of the cache.
    const event = findEventBySlug(db, slug);
    if (!event) return null;
    const dashboard = cacheOf(db).get(slug, version, (previous) => readEventDashboard(event, version, previous?.value ?? null));
    if (dashboard) versionOf.set(dashboard, version);
    return dashboard;
  });
}

/** The data version each cached dashboard was read at, so its charts are kept under the same one. */
const versionOf = new WeakMap<EventDashboard, number>();

function readEventDashboard(event: Event, version: number, previous: EventDashboard | null): EventDashboard {
  const db = getDb();
  const metricById = listMetricsById(db);
  const sources = listEventSources(db, event.id);
  const { summaries, lastUpdatedAt, state } = readSeries(event, version, metricById, previous);
  const dashboard = assembleDashboard(event, {
    summaries,
    headlines: (ids) => listEventFiguresByIds(db, event.id, ids),
    sources,
    quotes: listEventQuotes(db, event.id),
    // When any figure of the event, or a source it cites, last changed.
    lastUpdated: latest([lastUpdatedAt ?? '', ...sources.map((s) => s.updatedAt)]) || null,
  });
  seriesStateOf.set(dashboard, state);
  return dashboard;
}

/** The series a dashboard was built from, the version they were read at, and the metrics they name. */
type SeriesState = { version: number; metrics: string; summaries: SeriesSummary[] };
const seriesStateOf = new WeakMap<EventDashboard, SeriesState>();

/**
 * The event's series in page order. After a write the previous dashboard's series are reused
 * and only the summaries recomputed since its version are read (a write touches a few series of
 * thousands); a full read when there is no earlier state, the metrics changed, a series is still
 * stale, or a series went away.
 */
function readSeries(event: Event, version: number, metricById: ReturnType<typeof listMetricsById>, previous: EventDashboard | null) {
  const db = getDb();
  const metrics = JSON.stringify([...metricById]);
  const sortOrder = new Map([...metricById.values()].map((m) => [m.key, m.sortOrder]));
  const toSummary = (row: SeriesSummaryRow): SeriesSummary => {
    const metric = metricById.get(row.metricId)!;
    return {
      key: seriesKey(metric.key, row.group, row.location),
      metricId: row.metricId,
      metricKey: metric.key,
      metricLabel: metric.label,
      group: row.group,
      location: row.location,
      reportCount: row.reportCount,
      retractedCount: row.retractedReports,
      numericCount: row.numericReports,
      headlineId: row.headlineId,
      headlineSize: row.headlineSize,
      range: rangeOf(row.numericReports, row, row.numericSources),
    };
  };
  const keep = (summaries: SeriesSummary[], lastUpdatedAt: string | null) => ({ summaries, lastUpdatedAt, state: { version, metrics, summaries } });
  // The same event (a slug can be given to a new event), and its dashboard's own series.
  const state = previous && previous.event.id === event.id ? seriesStateOf.get(previous) : undefined;
  // Only from an older version: a reader on an older snapshot must not apply newer rows backwards.
  if (state && state.version < version && state.metrics === metrics) {
    const delta = seriesSummariesChangedSince(db, event.id, state.version);
    if (delta) {
      const byKey = new Map(state.summaries.map((s) => [s.key, s]));
      let added = false;
      for (const row of delta.changed) {
        const summary = toSummary(row);
        if (!byKey.has(summary.key)) added = true;
        byKey.set(summary.key, summary);
      }
      // Every current series is in byKey (a new one was changed); more means one went away.
      if (byKey.size === delta.count) {
        const summaries = added ? sortSeries([...byKey.values()], (key) => sortOrder.get(key) ?? 0) : state.summaries.map((s) => byKey.get(s.key)!);
        return keep(summaries, delta.lastUpdatedAt);
      }
    }
  }
  const rows = listSeriesSummaries(db, event.id);
  return keep(
    sortSeries(rows.map(toSummary), (key) => sortOrder.get(key) ?? 0),
    latest(rows.map((r) => r.lastUpdatedAt)),
  );
}

function latest(timestamps: string[]): string | null {
  let at: string | null = null;
  for (const t of timestamps) if (at === null || t > at) at = t;
  return at;
}

const chartCacheOf = cachePerDatabase<EventCharts>(300);

/** The page's charts for the metrics picked, computed once per data version and pick. */
export function loadEventCharts(d: EventDashboard, pick: { breakdown: string; timeline: string }): EventCharts {
  const db = getDb();
  const input = {
    headlines: (ids: number[]) => listEventFiguresByIds(db, d.event.id, ids),
    reports: (series: SeriesSummary[]) => listSeriesReports(db, d.event.id, series),
  };
  const version = versionOf.get(d);
  // Kept under the dashboard's own version, never a newer one: charts built from an older
  // dashboard must not outlive the write that replaced it.
  if (version === undefined) return chartsFor(d, pick, input);
  return chartCacheOf(db).get(`${d.event.slug}\u0000${pick.breakdown}\u0000${pick.timeline}`, version, () => chartsFor(d, pick, input));
}

/** One page of the event's reports in reading order ("All reports"): metric by metric, in page order. */
export function loadReportsPage(d: EventDashboard, page: number, perPage: number): FigureWithContext[] {
  const db = getDb();
  return readTransaction(db, () =>
    reportsPageSpans(d.series, (page - 1) * perPage, perPage).flatMap((span) => listMetricFiguresPage(db, d.event.id, span.metricId, span)),
  );
}

/** What the event page shows for a request: picked from the dashboard it is read with. */
export type PageChoice = { pick: { breakdown: string; timeline: string }; reportsPage: number; perPage: number };

/**
 * Everything one event page shows, read in one snapshot: the dashboard, the charts and the page
 * of reports the request picks (`choose` sees the dashboard first: the picks depend on its
 * metrics and the page count on its reports). Read separately, a write committed in between
 * could give a table page whose rows and citations belong to another version than the cards.
 */
export function loadEventPage<C extends PageChoice>(slug: string, choose: (d: EventDashboard) => C) {
  return readTransaction(getDb(), () => {
    const dashboard = loadEventDashboard(slug);
    if (!dashboard) return null;
    const choice = choose(dashboard);
    const reports = loadReportsPage(dashboard, choice.reportsPage, choice.perPage);
    // The figures shown that were changed after they were entered: how, and what each number was before.
    const revised = new Map(
      [...dashboard.cards.flatMap((m) => m.cards.map((c) => c.headline)), ...reports].filter((f) => f.revision > 1).map((f) => [f.id, f]),
    );
    return {
      dashboard,
      choice,
      charts: dashboard.metrics.length > 0 ? loadEventCharts(dashboard, choice.pick) : null,
      reports,
      // The sources whose full text the site holds: the list links to it.
      fullTexts: sourcesWithFullText(getDb(), dashboard.sources.map((s) => s.id)),
      changes: listFigureChanges(getDb(), [...revised.values()]),
    };
  });
}

