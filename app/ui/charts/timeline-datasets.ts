import type { ChartDataset, PointStyle } from 'chart.js';
import type { TimelinePoint, TimelineSpec } from '@/lib/chart-spec';
import { RETRACTED_COLOUR } from './palette';

/** A report placed on the timeline: days since 1970 across, its number up. */
export type TimelinePointXY = TimelinePoint & { x: number; y: number };

export const DAY = 86_400_000;
const toDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const RETRACTED = RETRACTED_COLOUR;
/** The dash of the line where it passes through the middle of a range with no best number. */
export const MIDPOINT_DASH = [6, 4];

/**
 * The lines' marks, in turn: a circle, a diamond, a square, a triangle pointing right and one
 * pointing left (crosses are for retractions). No mark points up or down: an arrow up or down
 * beside a mark says its number is a bound (more than, up to). Past five lines a shape comes
 * again, with another colour: the page draws at most eight lines (CHART_LIMITS.timelineLines),
 * each in a colour of its own (palette.ts); given more, the colours come again too, and eight
 * colours with five shapes give forty lines forty pairs. Lines are never told apart by dashes:
 * a dashed stretch says the line runs at the middle of a range (MIDPOINT_DASH).
 */
export const TIMELINE_SHAPES: ReadonlyArray<{ style: PointStyle; rotation: number }> = [
  { style: 'circle', rotation: 0 },
  { style: 'rectRot', rotation: 0 },
  { style: 'rect', rotation: 0 },
  { style: 'triangle', rotation: 90 },
  { style: 'triangle', rotation: 270 },
];

/**
 * The timeline's datasets: one stepped line per group and place, its latest report a filled
 * mark and superseded ones hollow, and its retracted reports apart, as grey crosses never joined
 * into the line of what was said. The lines have shapes as well as colours: two reports
 * of one day and about one number (20 civilians, 19 officers, 14 March) no longer hide one
 * another, and colour is not the only way to tell the lines apart.
 */
export function timelineDatasets(spec: TimelineSpec, palette: readonly string[]): Array<ChartDataset<'line', TimelinePointXY[]>> {
  return spec.series.flatMap((s) => {
    const colour = palette[s.tone % palette.length]!;
    const shape = TIMELINE_SHAPES[s.tone % TIMELINE_SHAPES.length]!;
    const points = s.points.map((p) => ({ ...p, x: toDay(p.date), y: p.value }));
    const said = points.filter((p) => p.status !== 'retracted');
    const retracted = points.filter((p) => p.status === 'retracted');
    return [
      {
        label: s.label,
        data: said,
        borderColor: colour,
        backgroundColor: colour,
        stepped: 'before' as const,
        pointRadius: said.map((p) => (p.midpoint ? 0 : p.status === 'headline' ? 7 : 6)),
        // A mark under the pointer grows (Chart.js' default hover radius, 4, shrank it).
        pointHoverRadius: said.map((p) => (p.midpoint ? 0 : p.status === 'headline' ? 9 : 8)),
        // A stepped line ('before') runs each segment level with its first point, then steps to
        // the next: the stretch that runs at the middle of a range given with no best number, a
        // number no source gave, is dashed.
        segment: { borderDash: (ctx: { p0DataIndex: number }) => (said[ctx.p0DataIndex]?.midpoint ? MIDPOINT_DASH : undefined) },
        // A range with no mark is still found by hovering its middle.
        pointHitRadius: 8,
        pointStyle: shape.style,
        pointRotation: shape.rotation,
        pointBorderWidth: 2,
        pointBorderColor: colour,
        pointBackgroundColor: said.map((p) => (p.status === 'headline' ? colour : 'rgba(0,0,0,0)')),
      },
      ...(retracted.length
        ? [{ label: `${s.label} (retracted)`, data: retracted, showLine: false, borderColor: RETRACTED, backgroundColor: RETRACTED, pointStyle: 'crossRot' as PointStyle, pointRadius: 8, pointHoverRadius: 10, pointBorderWidth: 2 }]
        : []),
    ];
  });
}

/**
 * The days the timeline's axis spans: from the first report to the last, with a little room at
 * each end (a 60th of the span, at least a day) so that no mark sits on the axis' edge. Without
 * it Chart.js rounds the ends outwards to round numbers of days: a count reported from 7 January
 * 2022 had its axis start on 30 September 2021, months before the events. The chart labels
 * round dates inside the span, not its ends (`includeBounds: false`).
 */
export function timelineDayRange(datasets: ReadonlyArray<{ data: ReadonlyArray<{ x: number }> }>): { min: number; max: number } | null {
  let [first, last] = [Infinity, -Infinity];
  for (const d of datasets) {
    for (const p of d.data) {
      if (p.x < first) first = p.x;
      if (p.x > last) last = p.x;
    }
  }
  if (first > last) return null;
  const room = Math.max(1, Math.ceil((last - first) / 60));
  return { min: first - room, max: last + room };
}

/**
 * The highest number the timeline must show: a point's, or the top of its range. Chart.js scales
 * its axis to the points alone, so a range reaching above them ran off the top of the plot.
 */
export function timelineValueMax(spec: Pick<TimelineSpec, 'series'>): number {
  let max = 0;
  for (const s of spec.series) for (const p of s.points) max = Math.max(max, p.value, p.high ?? 0);
  return max;
}
