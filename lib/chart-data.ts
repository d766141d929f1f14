import type { FigureWithContext } from '@/db/queries/figures';
import type { BarSpec, TimelineSpec } from './chart-spec';
import { reportStatus, primarySeries, type Series } from './dashboard';
import { sourceName } from './citations';
import { describeScope, formatFigure } from './wording';

/** One row of a chart's table: the same numbers the chart draws, worded and cited. */
export type ChartRow = {
  label: string;
  figure: FigureWithContext;
  wording: string;
  status?: string;
};

/** How much one chart shows before it summarises: past these, the largest or most reported. */
export const CHART_LIMITS = { breakdownBars: 20, timelineLines: 8 } as const;

const headlineSize = (s: Series) => s.headline?.valueHigh ?? s.headline?.valueBest ?? -1;

/** A bar: a range from its low to its high, a single number from zero. */
const barExtent = (f: FigureWithContext) => ({ low: f.valueLow ?? 0, high: f.valueHigh ?? f.valueBest ?? 0 });
const citationText = (f: FigureWithContext, citationOf: Record<number, number>) =>
  `[${citationOf[f.sourceId] ?? '?'}] ${sourceName(f.source)}, ${f.reportedOn}`;

function barSpec(id: string, title: string, unit: string, rows: ChartRow[], citationOf: Record<number, number>): BarSpec {
  return {
    kind: 'bar',
    id,
    title,
    unit,
    bars: rows
      .filter((r) => r.figure.qualifier !== 'unknown')
      .map((r) => ({ label: r.label, ...barExtent(r.figure), wording: r.wording, citation: citationText(r.figure, citationOf) })),
  };
}

/**
 * Chart 1: each metric's headline compared with the others of the same unit, one chart per
 * unit, so that people and money never share an axis.
 */
export function comparisonCharts(series: Series[], country: string, citationOf: Record<number, number>) {
  const byUnit = new Map<string, ChartRow[]>();
  const metricKeys = [...new Set(series.map((s) => s.metricKey))];
  for (const key of metricKeys) {
    const s = primarySeries(series, key, country);
    if (!s?.headline) continue;
    const row = { label: s.metricLabel, figure: s.headline, wording: formatFigure(s.headline) };
    const rows = byUnit.get(s.headline.unit) ?? [];
    rows.push(row);
    byUnit.set(s.headline.unit, rows);
  }
  return [...byUnit].map(([unit, rows]) => ({
    unit,
    rows,
    spec: barSpec('compare', `Headline figures compared, in ${unit}`, unit, rows, citationOf),
  }));
}

/** Chart 2: one metric's latest figure for every group and place the reports give. */
export function breakdownChart(series: Series[], metricKey: string, citationOf: Record<number, number>) {
  const all = series.filter((s) => s.metricKey === metricKey && s.headline);
  // A chart of hundreds of bars says nothing: past the limit, show the largest.
  const shown = all.length <= CHART_LIMITS.breakdownBars ? all : [...all].sort((a, b) => headlineSize(b) - headlineSize(a)).slice(0, CHART_LIMITS.breakdownBars);
  const rows: ChartRow[] = shown.map((s) => ({ label: describeScope(s.group, s.location), figure: s.headline!, wording: formatFigure(s.headline!) }));
  const unit = rows[0]?.figure.unit ?? '';
  const label = series.find((s) => s.metricKey === metricKey)?.metricLabel ?? metricKey;
  return { unit, rows, omitted: all.length - shown.length, spec: barSpec('breakdown', `${label} by group and place`, unit, rows, citationOf) };
}

const STATUS_WORDS = { headline: 'latest', superseded: 'superseded', retracted: 'retracted' } as const;

/** Chart 3: every report of one metric over time, by the date it was reported. */
export function timelineChart(series: Series[], metricKey: string, citationOf: Record<number, number>, country = '') {
  const all = series.filter((s) => s.metricKey === metricKey);
  // At most a handful of lines stay readable: the whole count first, then the most reported.
  const primary = primarySeries(all, metricKey, country);
  const ofMetric =
    all.length <= CHART_LIMITS.timelineLines
      ? all
      : [...(primary ? [primary] : []), ...all.filter((s) => s !== primary).sort((a, b) => b.reports.length - a.reports.length)].slice(0, CHART_LIMITS.timelineLines);
  const rows: ChartRow[] = ofMetric.flatMap((s) =>
    s.reports.map((f) => ({ label: describeScope(s.group, s.location), figure: f, wording: formatFigure(f), status: STATUS_WORDS[reportStatus(f, s)] })),
  );
  const unit = ofMetric[0]?.reports[0]?.unit ?? '';
  const label = ofMetric[0]?.metricLabel ?? metricKey;
  const spec: TimelineSpec = {
    kind: 'timeline',
    id: 'timeline',
    title: `${label} as reported over time`,
    unit,
    series: ofMetric
      .map((s) => ({
        label: describeScope(s.group, s.location),
        points: s.reports
          .filter((f) => f.qualifier !== 'unknown')
          .map((f) => {
            return {
              date: f.reportedOn,
              value: f.valueBest ?? Math.round(((f.valueLow ?? 0) + (f.valueHigh ?? 0)) / 2),
              low: f.valueLow,
              high: f.valueHigh,
              status: reportStatus(f, s),
              wording: formatFigure(f),
              citation: citationText(f, citationOf),
            };
          }),
      }))
      .filter((s) => s.points.length > 0),
  };
  return { unit, rows, omitted: all.length - ofMetric.length, spec };
}
