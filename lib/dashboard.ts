import type { FigureWithContext } from '@/db/queries/figures';

/** What a report is on the timeline: the headline, an earlier report it replaced, or withdrawn. */
export type ReportStatus = 'headline' | 'superseded' | 'retracted';

/** All reports of one metric for one group in one place, with the headline chosen among them. */
export type Series = {
  key: string;
  metricKey: string;
  metricLabel: string;
  group: string;
  location: string;
  /** Every report, oldest first by reported-on date (ties: in the order they were entered). */
  reports: FigureWithContext[];
  headline: FigureWithContext | null;
  /** The span of what published reports said, when they did not all say the same. */
  range: ReportedRange | null;
};

export type ReportedRange = { low: number; high: number; reports: number; sources: number };

// Dates and timestamps are ISO strings, so code-unit order is time order (and far faster than
// localeCompare, which an event with thousands of reports felt).
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byReportedThenEntered = (a: FigureWithContext, b: FigureWithContext) =>
  compareText(a.reportedOn, b.reportedOn) || compareText(a.createdAt, b.createdAt) || a.id - b.id;

/**
 * The headline of a series: the most recent published report by reported-on date; on the same
 * date, the one entered last. Retracted reports never headline.
 */
export function selectHeadline(reports: FigureWithContext[]): FigureWithContext | null {
  const published = reports.filter((r) => r.status === 'published').sort(byReportedThenEntered);
  return published.at(-1) ?? null;
}

/**
 * The range of numbers that published reports gave (ranges count by their ends), and how many
 * sources gave them; null when fewer than two numbers were reported or they all agree.
 */
export function reportedRange(reports: FigureWithContext[]): ReportedRange | null {
  const numeric = reports.filter((r) => r.status === 'published' && r.qualifier !== 'unknown');
  if (numeric.length < 2) return null;
  const lows = numeric.map((r) => r.valueLow ?? r.valueBest ?? 0);
  const highs = numeric.map((r) => r.valueHigh ?? r.valueBest ?? 0);
  const low = Math.min(...lows);
  const high = Math.max(...highs);
  if (low === high) return null;
  return { low, high, reports: numeric.length, sources: new Set(numeric.map((r) => r.sourceId)).size };
}

/** The status of a report within its series. */
export function reportStatus(report: FigureWithContext, series: Pick<Series, 'headline'>): ReportStatus {
  if (report.status === 'retracted') return 'retracted';
  return series.headline?.id === report.id ? 'headline' : 'superseded';
}

/** Groups an event's figures into series (metric × group × location), in metric order. */
export function buildSeries(figures: FigureWithContext[]): Series[] {
  const byKey = new Map<string, FigureWithContext[]>();
  for (const f of figures) {
    const key = `${f.metric.key}\u0000${f.group}\u0000${f.location}`;
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  return [...byKey.entries()]
    .map(([key, list]) => {
      const reports = [...list].sort(byReportedThenEntered);
      const first = reports[0]!;
      return {
        key,
        metricKey: first.metric.key,
        metricLabel: first.metric.label,
        sortOrder: first.metric.sortOrder,
        group: first.group,
        location: first.location,
        reports,
        headline: selectHeadline(reports),
        range: reportedRange(reports),
      };
    })
    .sort((a, b) => a.sortOrder - b.sortOrder || a.metricKey.localeCompare(b.metricKey) || compareScope(a, b))
    .map(({ sortOrder: _sortOrder, ...series }) => series);
}

// "all" first, then by group and place, so the whole-count series leads each metric.
function compareScope(a: Pick<Series, 'group' | 'location'>, b: Pick<Series, 'group' | 'location'>): number {
  const rank = (s: Pick<Series, 'group'>) => (s.group === 'all' ? 0 : 1);
  return rank(a) - rank(b) || a.group.localeCompare(b.group) || a.location.localeCompare(b.location);
}

/** What the choice of a metric's primary series looks at. */
export type SeriesCandidate = { group: string; location: string; reportCount: number; hasHeadline: boolean };

/**
 * The series that speaks for a metric as a whole: group "all" in the event's country, else group
 * "all" anywhere with the most reports, else the series with the most reports. The dashboard and
 * the event list both choose with this rule, so they never show different headlines.
 */
export function pickPrimary<T extends SeriesCandidate>(candidates: T[], country: string): T | undefined {
  const eligible = candidates.filter((c) => c.hasHeadline);
  const most = (list: T[]) => [...list].sort((a, b) => b.reportCount - a.reportCount)[0];
  return (
    eligible.find((c) => c.group === 'all' && c.location === country) ??
    most(eligible.filter((c) => c.group === 'all')) ??
    most(eligible)
  );
}

/** The primary series of one metric among an event's series (see pickPrimary). */
export function primarySeries(series: Series[], metricKey: string, country: string): Series | undefined {
  const candidates = series
    .filter((s) => s.metricKey === metricKey)
    .map((s) => ({ series: s, group: s.group, location: s.location, reportCount: s.reports.length, hasHeadline: s.headline !== null }));
  return pickPrimary(candidates, country)?.series;
}

/** The metrics present, in order, each once. */
export function metricsOf(series: Series[]): Array<{ key: string; label: string }> {
  const seen = new Map<string, string>();
  for (const s of series) if (!seen.has(s.metricKey)) seen.set(s.metricKey, s.metricLabel);
  return [...seen].map(([key, label]) => ({ key, label }));
}
