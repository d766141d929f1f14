import { describe, expect, it } from 'vitest';
import { boundArrow } from '@/app/ui/charts/plugins';
import { MIDPOINT_DASH, TIMELINE_SHAPES, timelineDatasets, timelineDayRange, timelineValueMax } from '@/app/ui/charts/timeline-datasets';
import type { TimelinePoint, TimelineSpec } from '@/lib/chart-spec';
import { LINE_PALETTES, RETRACTED_COLOUR } from '@/app/ui/charts/palette';

const point = (date: string, value: number, status: TimelinePoint['status']): TimelinePoint => ({
  date, value, low: null, high: null, status, bound: null, midpoint: false, wording: String(value), citation: '[1] Source',
});
const spec: TimelineSpec = {
  kind: 'timeline', id: 'timeline-deaths', title: 'Deaths as reported over time', unit: 'people',
  series: [
    { label: 'Kazakhstan', tone: 0, points: [point('2022-01-09', 164, 'superseded'), point('2022-03-14', 230, 'headline'), point('2022-03-20', 400, 'retracted')] },
    { label: 'civilians, Kazakhstan', tone: 1, points: [point('2022-03-14', 20, 'headline')] },
    { label: 'law enforcement and military, Kazakhstan', tone: 2, points: [point('2022-03-14', 19, 'headline')] },
    { label: 'a', tone: 3, points: [point('2022-03-14', 1, 'headline')] },
    { label: 'b', tone: 4, points: [point('2022-03-14', 2, 'headline')] },
  ],
};
const PALETTE = ['#111111', '#222222', '#333333'];

describe('a range on the timeline', () => {
  // The source gave 1 million to 1 trillion and no best number: the point sits in the middle.
  const range: TimelinePoint = { ...point('2022-01-10', 500_000_500_000, 'headline'), low: 1_000_000, high: 1_000_000_000_000, midpoint: true };
  const withRange: TimelineSpec = { ...spec, series: [{ label: 'Kostanay', tone: 0, points: [point('2022-01-09', 600_000_000_000, 'superseded'), range] }] };

  it('sets the axis to reach the top of every range, not only the points', () => {
    expect(timelineValueMax(withRange)).toBe(1_000_000_000_000);
    expect(timelineValueMax(spec)).toBe(400);
    expect(timelineValueMax({ series: [] })).toBe(0);
  });

  it('draws no mark at the middle of a range the source gave no best number for, but finds it on hover', () => {
    const [line] = timelineDatasets(withRange, PALETTE);
    expect(line!.pointRadius).toEqual([6, 0]);
    expect(line!.pointHitRadius).toBe(8);
    expect(line!.data[1]).toMatchObject({ low: 1_000_000, high: 1_000_000_000_000 });
  });

  it('dashes the stretch of line that runs at that middle (from it to the next report), and nowhere else', () => {
    const after = point('2022-01-11', 700_000_000_000, 'superseded');
    const before = point('2022-01-08', 500_000_000_000, 'superseded');
    const [line] = timelineDatasets({ ...spec, series: [{ label: 'Kostanay', tone: 0, points: [before, withRange.series[0]!.points[0]!, range, after] }] }, PALETTE);
    const dash = (p0DataIndex: number) => (line!.segment as { borderDash: (ctx: { p0DataIndex: number; p1DataIndex: number }) => number[] | undefined }).borderDash({ p0DataIndex, p1DataIndex: p0DataIndex + 1 });
    // Segment 1 runs level at the report before the range (a number given), then steps; segment 2
    // runs level at the range's middle.
    expect([dash(0), dash(1), dash(2)]).toEqual([undefined, undefined, MIDPOINT_DASH]);
  });
});

describe('the timeline’s datasets', () => {
  const sets = timelineDatasets(spec, PALETTE);
  const lines = sets.filter((d) => !d.label!.endsWith('(retracted)'));

  it('gives each line its own shape as well as its colour, so points of one day and number do not hide each other', () => {
    const shapes = lines.map((d) => `${String(d.pointStyle)}@${String(d.pointRotation)}`);
    expect(shapes).toEqual(['circle@0', 'rectRot@0', 'rect@0', 'triangle@90', 'triangle@270']);
    expect(new Set(shapes).size).toBe(TIMELINE_SHAPES.length);
    expect(lines.map((d) => d.borderColor)).toEqual(['#111111', '#222222', '#333333', '#111111', '#222222']);
  });

  it('has no mark pointing up or down, which would read as the arrow of a bound (more than, up to)', () => {
    const pointing = TIMELINE_SHAPES.filter((s) => s.style === 'triangle');
    expect(pointing.length).toBeGreaterThan(0);
    for (const s of pointing) expect(s.rotation % 180).not.toBe(0);
  });

  it('fills the latest report, leaves superseded ones hollow, and keeps retracted ones off the line', () => {
    const first = lines[0]!;
    expect(first.data.map((p) => p.y)).toEqual([164, 230]);
    expect(first.pointBackgroundColor).toEqual(['rgba(0,0,0,0)', '#111111']);
    const retracted = sets.find((d) => d.label === 'Kazakhstan (retracted)')!;
    expect(retracted.data.map((p) => p.y)).toEqual([400]);
    expect(retracted).toMatchObject({ showLine: false, pointStyle: 'crossRot' });
  });
});

describe('the timeline’s axis', () => {
  it('spans the first report to the last with a 60th of the span as room, not rounded out by months', () => {
    // Detained: 7 January 2022 to 10 January 2023 (days since 1970); Chart.js alone began the axis on 30 September 2021.
    const [jan7, jan10next] = [Date.UTC(2022, 0, 7) / 86_400_000, Date.UTC(2023, 0, 10) / 86_400_000];
    const range = timelineDayRange([{ data: [{ x: jan7 }, { x: jan7 + 2 }] }, { data: [{ x: jan10next }] }])!;
    expect(range).toEqual({ min: jan7 - 7, max: jan10next + 7 });
    expect(new Date(range.min * 86_400_000).toISOString().slice(0, 10)).toBe('2021-12-31');
    expect(timelineDayRange([{ data: [{ x: jan7 }] }])).toEqual({ min: jan7 - 1, max: jan7 + 1 });
    expect(timelineDayRange([{ data: [] }])).toBeNull();
  });
});

describe('the arrow beside a bound', () => {
  it('points up beside a "more than" mark and down beside an "up to" one, off the line that rises through the mark', () => {
    const up = boundArrow(100, 200, 'above');
    const down = boundArrow(100, 200, 'below');
    // The shaft, 11 px to the right: canvas y grows downwards, so "above" ends higher on the screen.
    expect(up[0]).toEqual([111, 196, 111, 182]);
    expect(down[0]).toEqual([111, 204, 111, 218]);
    // The head's two strokes meet at the tip, on either side of the shaft.
    for (const arrow of [up, down]) {
      const tip = arrow[0]!.slice(2);
      expect(arrow.slice(1).map((s) => s.slice(2))).toEqual([tip, tip]);
      expect(arrow[1]![0]).toBeLessThan(111);
      expect(arrow[2]![0]).toBeGreaterThan(111);
    }
    expect(up[1]![1]).toBeGreaterThan(up[0]![3]);
    expect(down[1]![1]).toBeLessThan(down[0]![3]);
  });
});

describe('a mark under the pointer', () => {
  it('grows, and a range with no mark stays without one', () => {
    const [line] = timelineDatasets({ ...spec, series: [{ label: 'Kostanay', tone: 0, points: [point('2022-01-09', 10, 'superseded'), { ...point('2022-01-10', 15, 'headline'), low: 10, high: 20, midpoint: true }, point('2022-01-11', 12, 'headline')] }] }, PALETTE);
    const [radius, hover] = [line!.pointRadius as number[], line!.pointHoverRadius as number[]];
    expect(hover[0]).toBeGreaterThan(radius[0]!);
    expect(hover[2]).toBeGreaterThan(radius[2]!);
    expect([radius[1], hover[1]]).toEqual([0, 0]);
    // A retracted report's cross too.
    const [, cross] = timelineDatasets(spec, PALETTE);
    expect(cross!.label).toBe('Kazakhstan (retracted)');
    expect(cross!.pointHoverRadius).toBeGreaterThan(cross!.pointRadius as number);
  });
});

describe('a line’s tone', () => {
  it('gives its colour and shape, whatever its place in the list', () => {
    const [first, second] = timelineDatasets({ ...spec, series: [{ ...spec.series[1]!, tone: 6 }, { ...spec.series[2]!, tone: 0 }] }, LINE_PALETTES.light);
    expect([first!.borderColor, first!.pointStyle, first!.pointRotation]).toEqual([LINE_PALETTES.light[6], TIMELINE_SHAPES[1]!.style, TIMELINE_SHAPES[1]!.rotation]);
    expect([second!.borderColor, second!.pointStyle]).toEqual([LINE_PALETTES.light[0], TIMELINE_SHAPES[0]!.style]);
  });
});

describe('the site’s palette on the timeline', () => {
  it('draws its eight lines in eight different colours, and different shape pairs, none in the grey of retracted reports', () => {
    const eight: TimelineSpec = { ...spec, series: Array.from({ length: 8 }, (_, i) => ({ label: `Place ${i}`, tone: i, points: [point('2022-01-10', 10 + i, 'headline')] })) };
    for (const palette of Object.values(LINE_PALETTES)) {
      const lines = timelineDatasets(eight, palette);
      expect(lines).toHaveLength(8);
      expect(new Set(lines.map((l) => String(l.borderColor))).size).toBe(8);
      expect(new Set(lines.map((l) => `${String(l.borderColor)} ${String(l.pointStyle)} ${String(l.pointRotation)}`)).size).toBe(8);
      for (const l of lines) expect(String(l.borderColor).toLowerCase()).not.toBe(RETRACTED_COLOUR);
    }
  });
});
