import type { FigureWithContext } from '@/db/queries/figures';
import type { BarSpec, TimelineSpec } from './chart-spec';
import { isWholeCount, primarySummary, REPORT_STATUS_WORDS, reportStatus, type Series, type SeriesSummary } from './dashboard';
import { sourceName } from './citations';
import { BOUND_SIDE, describeScope, formatFigure, formatFigureWithBest } from './wording';

/** One row of a chart's table: the same numbers the chart draws, worded and cited. */
export type ChartRow = {
  label: string;
  figure: FigureWithContext;
  wording: string;
  status?: string;
};

/** How much one chart shows before it summarises: past these, the largest or most reported. */
export const CHART_LIMITS = { breakdownBars: 20, timelineLines: 8 } as const;

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
      .map((r) => ({ label: r.label, ...barExtent(r.figure), bound: BOUND_SIDE[r.figure.qualifier], wording: r.wording, citation: citationText(r.figure, citationOf) })),
  };
}

/**
 * Chart 1: each metric's headline compared with the others of the same unit, one chart per
 * unit, so that people and money never share an axis. `primaries`: each metric's primary
 * headline (the first card of each metric), in metric order.
 */
export function comparisonCharts(primaries: Array<{ metricLabel: string; headline: FigureWithContext }>, citationOf: Record<number, number>) {
  const byUnit = new Map<string, ChartRow[]>();
  for (const { metricLabel, headline } of primaries) {
    const rows = byUnit.get(headline.unit) ?? [];
    rows.push({ label: metricLabel, figure: headline, wording: formatFigure(headline) });
    byUnit.set(headline.unit, rows);
  }
  return [...byUnit].map(([unit, rows]) => ({
    unit,
    rows,
    spec: barSpec('compare', `Headline figures compared, in ${unit}`, unit, rows, citationOf),
  }));
}

/** Which series chart 2 shows for a metric: all with a headline, or past the limit the largest. */
export function breakdownSelection(summaries: SeriesSummary[], metricKey: string, country = ''): { shown: SeriesSummary[]; omitted: number; wholeFirst: boolean } {
  const all = summaries.filter((s) => s.metricKey === metricKey && s.headlineId !== null);
  // The whole country's count first, as on the cards, then the largest first, as bars are read;
  // a chart of hundreds of bars says nothing, so past the limit only the largest are shown.
  const whole = all.find((s) => isWholeCount(s, country));
  const bySize = all.filter((s) => s !== whole).sort((a, b) => b.headlineSize - a.headlineSize);
  const shown = [...(whole ? [whole] : []), ...bySize].slice(0, CHART_LIMITS.breakdownBars);
  return { shown, omitted: all.length - shown.length, wholeFirst: whole !== undefined };
}

/** Chart 2: one metric's latest figure for every group and place shown (breakdownSelection). */
export function breakdownChart(
  shown: Array<{ series: SeriesSummary; headline: FigureWithContext }>,
  metricLabel: string,
  selection: { omitted: number; wholeFirst: boolean },
  citationOf: Record<number, number>,
) {
  const rows: ChartRow[] = shown.map(({ series, headline }) => ({ label: describeScope(series.group, series.location), figure: headline, wording: formatFigure(headline) }));
  const unit = rows[0]?.figure.unit ?? '';
  return { unit, rows, omitted: selection.omitted, wholeFirst: selection.wholeFirst, spec: barSpec('breakdown', `${metricLabel} by group and place`, unit, rows, citationOf) };
}

/**
 * Which series chart 3 draws for a metric: all of them, or past a handful of lines the whole
 * count first and then the most reported.
 */
export function timelineSelection(summaries: SeriesSummary[], metricKey: string, country = ''): { shown: SeriesSummary[]; omitted: number } {
  const all = summaries.filter((s) => s.metricKey === metricKey);
  const primary = primarySummary(all, metricKey, country);
  const shown =
    all.length <= CHART_LIMITS.timelineLines
      ? all
      : [...(primary ? [primary] : []), ...all.filter((s) => s !== primary).sort((a, b) => b.reportCount - a.reportCount)].slice(0, CHART_LIMITS.timelineLines);
  return { shown, omitted: all.length - shown.length };
}

/**
 * A line's colour and shape (its tone, an index into them): the rank of its first report among
 * the lines drawn, by entry. A line keeps its colour when another group or place is entered
 * later, wherever that one sorts; by position in the list, a new place sorting first recoloured
 * every line after it.
 */
function toneOf(drawn: ReadonlyArray<{ firstId: number }>, i: number): number {
  const first = drawn[i]!.firstId;
  return drawn.reduce((rank, other) => rank + (other.firstId < first ? 1 : 0), 0);
}

/**
 * Chart 3: every report of one metric over time, by the date it was reported: the series of
 * timelineSelection with all their reports, in that order.
 */
export function timelineChart(ofMetric: Series[], metricKey: string, omitted: number, citationOf: Record<number, number>) {
  const rows: ChartRow[] = ofMetric.flatMap((s) =>
    s.reports.map((f) => ({ label: describeScope(s.group, s.location), figure: f, wording: formatFigure(f), status: REPORT_STATUS_WORDS[reportStatus(f, s)] })),
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
        // Of the reports drawn: a line that had only "being determined" takes the next tone when it gets a number.
        firstId: s.reports.reduce((first, f) => (f.qualifier === 'unknown' ? first : Math.min(first, f.id)), Infinity),
        points: s.reports
          .filter((f) => f.qualifier !== 'unknown')
          .map((f) => {
            return {
              date: f.reportedOn,
              value: f.valueBest ?? Math.round(((f.valueLow ?? 0) + (f.valueHigh ?? 0)) / 2),
              low: f.valueLow,
              high: f.valueHigh,
              midpoint: f.valueBest === null,
              status: reportStatus(f, s),
              bound: BOUND_SIDE[f.qualifier],
              wording: formatFigureWithBest(f),
              citation: citationText(f, citationOf),
            };
          }),
      }))
      .filter((s) => s.points.length > 0)
      .map(({ firstId: _first, ...s }, i, drawn) => ({ ...s, tone: toneOf(drawn, i) })),
    unnumbered: rows.filter((r) => r.figure.qualifier === 'unknown').length,
  };
  return { unit, rows, omitted, spec };
}

