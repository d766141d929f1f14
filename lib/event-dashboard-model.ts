import type { FigureWithContext } from '@/db/queries/figures';
import type { EventSourceRow } from '@/db/queries/series-summaries';
import type { Event } from '@/db/schema';
import { numberSources, type Citation, type CitedSource } from './citations';
import { breakdownChart, breakdownSelection, comparisonCharts, timelineChart, timelineSelection } from './chart-data';
import { buildSeries, metricsOf, primarySummary, seriesKey, summarize, type SeriesSummary } from './dashboard';
import { describeScope } from './wording';

export type HeadlineCard = {
  anchor: string;
  series: SeriesSummary;
  headline: FigureWithContext;
  /** The metric's whole count (group "all" in the event's country), shown first and larger. */
  primary: boolean;
};

export type EventDashboard = {
  event: Event;
  /** Every series (metric × group × place), in page order, without its reports. */
  series: SeriesSummary[];
  metrics: Array<{ key: string; label: string }>;
  /** The units of the metrics' headline figures, in metric order. */
  units: string[];
  /** Per metric, its cards; `omitted` counts the groups and places not given a card. */
  cards: Array<{ metricKey: string; metricLabel: string; omitted: number; cards: HeadlineCard[] }>;
  sources: CitedSource[];
  citationOf: Record<number, number>;
  /** How many reports the event has, published and retracted. */
  reportCount: number;
  /** Of those, how many are retracted. */
  retractedCount: number;
  /** When any figure or source of the event last changed (ISO timestamp). */
  lastUpdated: string;
};

/**
 * At most this many cards per metric, the whole count first; the rest are in the tables. Six keep
 * an event with hundreds of places readable (and its page light); the Kazakhstan dataset has at
 * most five series per metric, so all of its figures have cards.
 */
export const CARDS_PER_METRIC = 6;

/** What the dashboard is assembled from, whether read in SQL or worked out from every figure. */
export type DashboardInput = {
  summaries: SeriesSummary[];
  /** The figures with these ids. */
  headlines: (ids: number[]) => FigureWithContext[];
  /** The sources the event's figures cite, with each one's earliest report. */
  sources: EventSourceRow[];
  /** Distinct verbatim quotes by source, earliest reported first. */
  quotes: Array<{ sourceId: number; quote: string }>;
  lastUpdated: string | null;
};

/**
 * The `n` series with the most reports, in their page order: when a metric has more series than
 * cards, a count reported again and again keeps its card, not one that comes first by name (a
 * one-off report from a place early in the alphabet took the card of a count reported four times).
 */
function mostReported(series: SeriesSummary[], n: number): SeriesSummary[] {
  if (series.length <= n) return series;
  const kept = new Set([...series].sort((a, b) => b.reportCount - a.reportCount).slice(0, n));
  return series.filter((s) => kept.has(s));
}

/**
 * The page's view of an event: headline cards (per metric the primary series first, then the
 * others with a headline, the most reported when more than CARDS_PER_METRIC would be), and every
 * cited source numbered: the cards' sources first, in the order the cards cite them, then the
 * rest by their earliest report.
 */
export function assembleDashboard(event: Event, input: DashboardInput): EventDashboard {
  const { summaries } = input;
  const metrics = metricsOf(summaries);
  // Each metric's series, found in one pass over the event's thousands of series.
  const ofMetric = new Map<string, SeriesSummary[]>();
  for (const s of summaries) {
    const list = ofMetric.get(s.metricKey);
    if (list) list.push(s);
    else ofMetric.set(s.metricKey, [s]);
  }
  const chosen = metrics.map(({ key, label }) => {
    const series = ofMetric.get(key) ?? [];
    const primary = primarySummary(series, key, event.country);
    const withHeadline = series.filter((s) => s.headlineId !== null);
    const ordered = (primary ? [primary, ...mostReported(withHeadline.filter((s) => s !== primary), CARDS_PER_METRIC - 1)] : mostReported(withHeadline, CARDS_PER_METRIC));
    return { key, label, primary, ordered, omitted: withHeadline.length - ordered.length };
  });
  const headlineById = new Map(input.headlines(chosen.flatMap((m) => m.ordered.map((s) => s.headlineId!))).map((f) => [f.id, f]));
  const cards = chosen.map((m) => ({
    metricKey: m.key,
    metricLabel: m.label,
    omitted: m.omitted,
    cards: m.ordered.map((s) => ({ anchor: `figure-${s.headlineId}`, series: s, headline: headlineById.get(s.headlineId!)!, primary: s === m.primary })),
  }));
  // The sources not on a card, by their earliest report; without the fields that order them.
  const sourcesInOrder = [...input.sources]
    .sort((a, b) => (a.firstReportedOn < b.firstReportedOn ? -1 : a.firstReportedOn > b.firstReportedOn ? 1 : a.firstFigureId - b.firstFigureId))
    .map(({ firstReportedOn: _f, firstFigureId: _i, ...source }) => source);
  const sourceById = new Map(sourcesInOrder.map((s) => [s.id, s]));
  const citations: Citation[] = [
    ...cards.flatMap((m) =>
      m.cards.map((c) => ({ source: c.headline.source, quote: c.headline.quote, backLink: { anchor: c.anchor, label: `${c.series.metricLabel}, ${describeScope(c.series.group, c.series.location)}` } })),
    ),
    ...sourcesInOrder.map((source) => ({ source })),
    ...input.quotes.flatMap((q) => {
      const row = sourceById.get(q.sourceId);
      return row ? [{ source: row, quote: q.quote }] : [];
    }),
  ];
  const { sources, numberOf } = numberSources(citations);
  const lastUpdated = [event.updatedAt, input.lastUpdated ?? ''].sort().at(-1)!;
  const units = [...new Set(cards.flatMap((m) => m.cards.filter((c) => c.primary).map((c) => c.headline.unit)))];
  return {
    event,
    series: summaries,
    metrics,
    units,
    cards,
    sources,
    citationOf: Object.fromEntries(sources.map((s) => [s.id, numberOf(s.id)])),
    reportCount: summaries.reduce((n, s) => n + s.reportCount, 0),
    retractedCount: summaries.reduce((n, s) => n + s.retractedCount, 0),
    lastUpdated,
  };
}

/**
 * The same dashboard worked out from every figure of the event in memory: the reference the SQL
 * summaries are tested against, and what rule tests build dashboards with.
 */
export function dashboardFromFigures(event: Event, figures: FigureWithContext[]): EventDashboard {
  const summaries = buildSeries(figures).map((s) => summarize(s, s.reports[0]!.metricId));
  const byId = new Map(figures.map((f) => [f.id, f]));
  const sources = new Map<number, EventSourceRow>();
  for (const f of figures) {
    const seen = sources.get(f.sourceId);
    if (!seen) sources.set(f.sourceId, { ...f.source, firstReportedOn: f.reportedOn, firstFigureId: f.id });
    else {
      if (f.reportedOn < seen.firstReportedOn) seen.firstReportedOn = f.reportedOn;
      if (f.id < seen.firstFigureId) seen.firstFigureId = f.id;
    }
  }
  const quoteOrder = new Map<string, { sourceId: number; quote: string; reportedOn: string; id: number }>();
  for (const f of figures) {
    if (!f.quote) continue;
    const key = `${f.sourceId}\u0000${f.quote}`;
    const q = quoteOrder.get(key);
    if (!q) quoteOrder.set(key, { sourceId: f.sourceId, quote: f.quote, reportedOn: f.reportedOn, id: f.id });
    else {
      if (f.reportedOn < q.reportedOn) q.reportedOn = f.reportedOn;
      if (f.id < q.id) q.id = f.id;
    }
  }
  const quotes = [...quoteOrder.values()]
    .sort((a, b) => (a.reportedOn < b.reportedOn ? -1 : a.reportedOn > b.reportedOn ? 1 : a.id - b.id))
    .map(({ sourceId, quote }) => ({ sourceId, quote }));
  let lastUpdated: string | null = null;
  for (const f of figures) for (const at of [f.updatedAt, f.source.updatedAt]) if (lastUpdated === null || at > lastUpdated) lastUpdated = at;
  return assembleDashboard(event, {
    summaries,
    headlines: (ids) => ids.map((id) => byId.get(id)!),
    sources: [...sources.values()],
    quotes,
    lastUpdated,
  });
}

/** The three charts of the page, for the metrics the reader picked. */
export type EventCharts = {
  comparisons: ReturnType<typeof comparisonCharts>;
  breakdown: ReturnType<typeof breakdownChart>;
  timeline: ReturnType<typeof timelineChart>;
};

/** Where the charts' figures come from: by id (headlines), and every report of some series. */
export type ChartInput = {
  headlines: (ids: number[]) => FigureWithContext[];
  reports: (series: SeriesSummary[]) => FigureWithContext[];
};

/**
 * The charts for the picked metrics: the cards' primary headlines compared; the breakdown's
 * chosen series with their headlines; the timeline's chosen series with all their reports.
 */
export function chartsFor(d: EventDashboard, pick: { breakdown: string; timeline: string }, input: ChartInput): EventCharts {
  const primaries = d.cards.flatMap((m) => m.cards.filter((c) => c.primary).map((c) => ({ metricLabel: c.series.metricLabel, headline: c.headline })));
  const labelOf = (key: string) => d.series.find((s) => s.metricKey === key)?.metricLabel ?? key;

  const bars = breakdownSelection(d.series, pick.breakdown, d.event.country);
  const headlineById = new Map(input.headlines(bars.shown.map((s) => s.headlineId!)).map((f) => [f.id, f]));
  const shownBars = bars.shown.map((series) => ({ series, headline: headlineById.get(series.headlineId!)! }));

  const lines = timelineSelection(d.series, pick.timeline, d.event.country);
  const built = new Map(buildSeries(input.reports(lines.shown)).map((s) => [s.key, s]));
  const shownLines = lines.shown.flatMap((s) => built.get(s.key) ?? []);
  return {
    comparisons: comparisonCharts(primaries, d.citationOf),
    breakdown: breakdownChart(shownBars, labelOf(pick.breakdown), bars, d.citationOf),
    timeline: timelineChart(shownLines, pick.timeline, lines.omitted, d.citationOf),
  };
}

/** Chart input from every figure of the event in memory (see dashboardFromFigures). */
export function chartInputFromFigures(figures: FigureWithContext[]): ChartInput {
  const byId = new Map(figures.map((f) => [f.id, f]));
  return {
    headlines: (ids) => ids.map((id) => byId.get(id)!),
    reports: (series) => {
      const keys = new Set(series.map((s) => s.key));
      return figures.filter((f) => keys.has(seriesKey(f.metric.key, f.group, f.location)));
    },
  };
}

/** Where one page of the "All reports" table lies: which metrics' reports, from where, how many. */
export type ReportsSpan = { metricId: number; offset: number; limit: number };

/**
 * The reports of one page of the table, which lists an event's reports metric by metric in the
 * page's order: each metric's part of the page as an offset into that metric's own reports, so
 * each part is read in index order instead of sorting every report of the event.
 */
export function reportsPageSpans(series: Array<Pick<SeriesSummary, 'metricId' | 'reportCount'>>, offset: number, limit: number): ReportsSpan[] {
  const perMetric = new Map<number, number>();
  for (const s of series) perMetric.set(s.metricId, (perMetric.get(s.metricId) ?? 0) + s.reportCount);
  const spans: ReportsSpan[] = [];
  let start = 0;
  for (const [metricId, count] of perMetric) {
    const from = Math.max(offset, start);
    const to = Math.min(offset + limit, start + count);
    if (from < to) spans.push({ metricId, offset: from - start, limit: to - from });
    start += count;
  }
  return spans;
}

/** What the charts show before the reader picks: deaths (or the first metric) and its unit. */
export function dashboardDefaults(d: Pick<EventDashboard, 'metrics' | 'units' | 'cards'>): { metric: string; unit: string } {
  const metric = d.metrics.find((m) => m.key === 'deaths')?.key ?? d.metrics[0]?.key ?? '';
  const unit = d.cards.find((m) => m.metricKey === metric)?.cards.find((c) => c.primary)?.headline.unit ?? d.units[0] ?? '';
  return { metric, unit };
}

const latestOfCountsCache = new WeakMap<EventDashboard, ReadonlySet<number>>();

/** The latest report of each of the event's counts (their headlines), built once per dashboard. */
export function latestOfCounts(d: EventDashboard): ReadonlySet<number> {
  let ids = latestOfCountsCache.get(d);
  if (!ids) {
    ids = new Set(d.series.flatMap((s) => (s.headlineId === null ? [] : [s.headlineId])));
    latestOfCountsCache.set(d, ids);
  }
  return ids;
}
