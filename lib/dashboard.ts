import type { FigureWithContext } from '@/db/queries/figures';
import type { Qualifier } from '@/db/schema';

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

/**
 * The lowest and highest numbers published reports gave, each with how a report that gave it
 * qualified it ("more than" 400), how many reports gave a number and from how many sources.
 */
export type ReportedRange = { low: number; high: number; lowQualifier: Qualifier; highQualifier: Qualifier; reports: number; sources: number };

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

/** A published report that gives a number (not "being determined"): what a spread counts (SQL: series-summaries' numeric reports). */
export const givesNumber = (r: { status: string; qualifier: string }) => r.status === 'published' && r.qualifier !== 'unknown';

/**
 * The range of numbers that published reports gave (ranges count by their ends), and how many
 * sources gave them; null when fewer than two numbers were reported. Reports that all agree give
 * a range whose low is its high: the card still says how many reports stand behind its number.
 */
export function reportedRange(reports: FigureWithContext[]): ReportedRange | null {
  const numeric = reports.filter(givesNumber);
  if (numeric.length < 2) return null;
  // Each end with the qualifier of a report that gave it; among reports giving the same number,
  // the qualifier first in the alphabet for the low end and last for the high end (as the SQL
  // summaries order them), so two wordings of one number show as two.
  const ends = numeric.map((r) => ({ low: r.valueLow ?? r.valueBest ?? 0, high: r.valueHigh ?? r.valueBest ?? 0, qualifier: r.qualifier }));
  const lowest = ends.reduce((a, b) => (b.low < a.low || (b.low === a.low && b.qualifier < a.qualifier) ? b : a));
  const highest = ends.reduce((a, b) => (b.high > a.high || (b.high === a.high && b.qualifier > a.qualifier) ? b : a));
  return {
    low: lowest.low,
    high: highest.high,
    lowQualifier: lowest.qualifier,
    highQualifier: highest.qualifier,
    reports: numeric.length,
    sources: new Set(numeric.map((r) => r.sourceId)).size,
  };
}

/** The status of a report within its series. */
export function reportStatus(report: Pick<FigureWithContext, 'id' | 'status'>, series: { headline: Pick<FigureWithContext, 'id'> | null }): ReportStatus {
  if (report.status === 'retracted') return 'retracted';
  return series.headline?.id === report.id ? 'headline' : 'superseded';
}

/** A report's status as the tables word it. */
export const REPORT_STATUS_WORDS = { headline: 'latest', superseded: 'superseded', retracted: 'retracted' } as const;

/** One report of a series listed with what it is within the series. */
export type SeriesRow = { report: FigureWithContext; status: (typeof REPORT_STATUS_WORDS)[ReportStatus] };

/** Some reports of one series, each with its status given the series' headline (`latest`, or null when none is published). */
export function seriesRows(reports: FigureWithContext[], latest: Pick<FigureWithContext, 'id'> | null): SeriesRow[] {
  return reports.map((report) => ({ report, status: REPORT_STATUS_WORDS[reportStatus(report, { headline: latest })] }));
}

/** Groups an event's figures into series (metric × group × location), in metric order. */
export function buildSeries(figures: FigureWithContext[]): Series[] {
  const byKey = new Map<string, FigureWithContext[]>();
  for (const f of figures) {
    const key = seriesKey(f.metric.key, f.group, f.location);
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  const sortOrder = new Map(figures.map((f) => [f.metric.key, f.metric.sortOrder]));
  const series = [...byKey.entries()].map(([key, list]): Series => {
    const reports = [...list].sort(byReportedThenEntered);
    const first = reports[0]!;
    return {
      key,
      metricKey: first.metric.key,
      metricLabel: first.metric.label,
      group: first.group,
      location: first.location,
      reports,
      headline: selectHeadline(reports),
      range: reportedRange(reports),
    };
  });
  return sortSeries(series, (key) => sortOrder.get(key) ?? 0);
}

// One collator for every comparison: String#localeCompare sets one up per call, which thousands
// of series felt. Same order as localeCompare with the default locale.
const collator = new Intl.Collator();

/** What the choice of a metric's primary series looks at. */
export type SeriesCandidate = { group: string; location: string; reportCount: number; hasHeadline: boolean };

/** Whether a series counts everyone (group "all") in the event's country: the whole count. */
export function isWholeCount(s: { group: string; location: string }, country: string): boolean {
  return s.group === 'all' && s.location === country;
}

/**
 * The series that speaks for a metric as a whole: group "all" in the event's country, else group
 * "all" anywhere with the most reports, else the series with the most reports; between series as
 * often reported, the first in page order (sortSeries). The dashboard and the event list both
 * choose with this rule, whatever order they hold the series in, so they never show different
 * headlines.
 */
export function pickPrimary<T extends SeriesCandidate>(candidates: T[], country: string): T | undefined {
  const eligible = candidates.filter((c) => c.hasHeadline);
  // One pass: the page order is only consulted between series as often reported.
  const better = (c: T, best: T) => (c.reportCount !== best.reportCount ? c.reportCount > best.reportCount : inPageOrder(c, best) < 0);
  const most = (list: T[]) => list.reduce<T | undefined>((best, c) => (!best || better(c, best) ? c : best), undefined);
  return (
    eligible.find((c) => isWholeCount(c, country)) ??
    most(eligible.filter((c) => c.group === 'all')) ??
    most(eligible)
  );
}

/**
 * Two series of one metric in page order (as sortSeries puts them): "all" first, then by group and
 * place in collation order; names the collator deems equal by their code units, so no two differ.
 */
function inPageOrder(a: SeriesCandidate, b: SeriesCandidate): number {
  return (
    (a.group === 'all' ? 0 : 1) - (b.group === 'all' ? 0 : 1) ||
    collator.compare(a.group, b.group) ||
    collator.compare(a.location, b.location) ||
    codeUnits(a.group, b.group) ||
    codeUnits(a.location, b.location)
  );
}

const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The primary series of one metric among an event's series (see pickPrimary). */
export function primarySeries(series: Series[], metricKey: string, country: string): Series | undefined {
  const candidates = series
    .filter((s) => s.metricKey === metricKey)
    .map((s) => ({ series: s, group: s.group, location: s.location, reportCount: s.reports.length, hasHeadline: s.headline !== null }));
  return pickPrimary(candidates, country)?.series;
}

/**
 * A series without its reports: what the page needs of every series (its cards, its place in the
 * charts), kept in SQL as one row per series (db/queries/series-summaries.ts).
 */
export type SeriesSummary = {
  key: string;
  metricId: number;
  metricKey: string;
  metricLabel: string;
  group: string;
  location: string;
  reportCount: number;
  /** Of those, how many are retracted. */
  retractedCount: number;
  /** Of those, how many are published and give a number (not "being determined"): range counts these. */
  numericCount: number;
  headlineId: number | null;
  /** The headline's high end, else its number; -1 without one (the breakdown shows the largest). */
  headlineSize: number;
  range: ReportedRange | null;
};

/** The reports of a series its range leaves out: the retracted ones, and the published ones that give no number. */
export function reportsLeftOut(s: Pick<SeriesSummary, 'reportCount' | 'retractedCount' | 'numericCount'>): { retracted: number; noNumber: number } {
  return { retracted: s.retractedCount, noNumber: Math.max(0, s.reportCount - s.retractedCount - s.numericCount) };
}

/** The key of the series a figure belongs to. */
export const seriesKey = (metricKey: string, group: string, location: string) => `${metricKey}\u0000${group}\u0000${location}`;

/** The series in page order: by metric, the whole count ("all") first, then by group and place. */
export function sortSeries<T extends { metricKey: string; group: string; location: string }>(list: T[], sortOrderOf: (metricKey: string) => number): T[] {
  // "all" first, then by group and place, so the whole-count series leads each metric. Each
  // distinct name is collated once and the series sorted by those ranks: thousands of series
  // share a few hundred names, and collating in every comparison was most of the sort.
  const rankOf = collationRanks(list.flatMap((s) => [s.metricKey, s.group, s.location]));
  const rank = (s: T) => (s.group === 'all' ? 0 : 1);
  return [...list].sort(
    (a, b) =>
      sortOrderOf(a.metricKey) - sortOrderOf(b.metricKey) ||
      rankOf.get(a.metricKey)! - rankOf.get(b.metricKey)! ||
      rank(a) - rank(b) ||
      rankOf.get(a.group)! - rankOf.get(b.group)! ||
      rankOf.get(a.location)! - rankOf.get(b.location)!,
  );
}

/** Each distinct string's place in collation order; strings the collator deems equal share one. */
function collationRanks(strings: string[]): Map<string, number> {
  const distinct = [...new Set(strings)].sort(collator.compare);
  const ranks = new Map<string, number>();
  distinct.forEach((s, i) => ranks.set(s, i > 0 && collator.compare(distinct[i - 1]!, s) === 0 ? ranks.get(distinct[i - 1]!)! : i));
  return ranks;
}

/** The summary of a series built from all its reports: the reference for the SQL summaries. */
export function summarize(series: Series, metricId: number): SeriesSummary {
  const h = series.headline;
  return {
    key: series.key,
    metricId,
    metricKey: series.metricKey,
    metricLabel: series.metricLabel,
    group: series.group,
    location: series.location,
    reportCount: series.reports.length,
    retractedCount: series.reports.filter((r) => r.status === 'retracted').length,
    numericCount: series.reports.filter(givesNumber).length,
    headlineId: h?.id ?? null,
    headlineSize: h ? (h.valueHigh ?? h.valueBest ?? -1) : -1,
    range: series.range,
  };
}

/** The range as reportedRange words it, from counts and extremes computed elsewhere (SQL). */
export function rangeOf(
  numericReports: number,
  ends: { low: number | null; high: number | null; lowQualifier: Qualifier | null; highQualifier: Qualifier | null },
  sources: number,
): ReportedRange | null {
  const { low, high, lowQualifier, highQualifier } = ends;
  if (numericReports < 2 || low === null || high === null || !lowQualifier || !highQualifier) return null;
  return { low, high, lowQualifier, highQualifier, reports: numericReports, sources };
}

/** The primary series of one metric among summaries (see pickPrimary). */
export function primarySummary(summaries: SeriesSummary[], metricKey: string, country: string): SeriesSummary | undefined {
  const candidates = summaries
    .filter((s) => s.metricKey === metricKey)
    .map((s) => ({ summary: s, group: s.group, location: s.location, reportCount: s.reportCount, hasHeadline: s.headlineId !== null }));
  return pickPrimary(candidates, country)?.summary;
}

/** The metrics present, in order, each once. */
export function metricsOf(series: Array<Pick<Series, 'metricKey' | 'metricLabel'>>): Array<{ key: string; label: string }> {
  const seen = new Map<string, string>();
  for (const s of series) if (!seen.has(s.metricKey)) seen.set(s.metricKey, s.metricLabel);
  return [...seen].map(([key, label]) => ({ key, label }));
}
