import { BasicPlatform, Chart, type ChartConfiguration } from 'chart.js';
import { describe, expect, it } from 'vitest';
import '@/app/ui/charts/register';
import { LINE_PALETTES } from '@/app/ui/charts/palette';
import { timelineDatasets, type TimelinePointXY } from '@/app/ui/charts/timeline-datasets';
import { timelineOptions } from '@/app/ui/charts/timeline-options';
import type { TimelinePoint, TimelineSpec } from '@/lib/chart-spec';

/**
 * The timeline as Chart.js lays it out, on a canvas that draws nothing (there is no canvas in
 * Node): where its marks sit, and what its tooltip lists when the pointer is over one.
 */
function drawTimeline(spec: TimelineSpec) {
  const calls = new Proxy({} as Record<string | symbol, unknown>, {
    get: (own, key) => (key in own ? own[key] : key === 'measureText' ? (text: string) => ({ width: 6 * text.length }) : () => undefined),
    set: (own, key, value) => ((own[key] = value), true),
  });
  const canvas = { width: 800, height: 340, style: {}, getContext: () => calls };
  calls.canvas = canvas;
  const datasets = timelineDatasets(spec, LINE_PALETTES.light);
  const theme = { fg: '#1a1a1a', muted: '#555555', grid: '#d0d0d0', bg: '#ffffff', scheme: 'light' as const };
  const options = { ...timelineOptions(spec, datasets, theme), responsive: false, platform: BasicPlatform };
  const config: ChartConfiguration<'line', TimelinePointXY[]> = { type: 'line', data: { datasets }, options };
  return new Chart(canvas as unknown as HTMLCanvasElement, config);
}

/** What the tooltip says with the pointer over the given report (series, report), as Chart.js finds it. */
function tooltipOver(chart: Chart<'line', TimelinePointXY[]>, series: number, report: number) {
  const mark = chart.getDatasetMeta(series).data[report]!;
  const event = { type: 'mousemove' as const, x: mark.x, y: mark.y, native: null };
  // As the chart finds marks for its tooltip: by its own interaction options (Chart.js's default, 'nearest', lists one).
  const interaction = chart.options.interaction ?? { mode: 'nearest', intersect: true };
  const found = chart.getElementsAtEventForMode(event as never, interaction.mode ?? 'nearest', interaction, false);
  chart.tooltip!.setActiveElements(found, { x: mark.x, y: mark.y });
  chart.update();
  return { title: chart.tooltip!.title, lines: chart.tooltip!.body.flatMap((b) => b.lines) };
}

const point = (date: string, value: number): TimelinePoint => ({
  date, value, low: null, high: null, status: 'headline', bound: null, midpoint: false, wording: String(value), citation: `[1] Source, ${date}`,
});

describe('the timeline’s tooltip', () => {
  it('lists every report under the pointer: two of one day and about one number no longer hide one another', () => {
    const chart = drawTimeline({
      kind: 'timeline', id: 'timeline', title: 'Deaths as reported over time', unit: 'people',
      series: [
        { label: 'Almaty', tone: 0, points: [point('2022-01-09', 100), point('2022-03-14', 139)] },
        { label: 'civilians, Kazakhstan', tone: 1, points: [point('2022-03-14', 20)] },
        { label: 'law enforcement and military, Kazakhstan', tone: 2, points: [point('2022-03-14', 19)] },
      ],
    });
    // The two marks overlap: a pixel or so apart.
    const [civilians, officers] = [chart.getDatasetMeta(1).data[0]!, chart.getDatasetMeta(2).data[0]!];
    expect(Math.abs(civilians.y - officers.y)).toBeLessThan(3);
    expect(civilians.x).toBe(officers.x);
    const over = tooltipOver(chart, 1, 0);
    expect(over.title).toEqual(['Reported 14 Mar 2022']);
    expect(over.lines).toEqual([
      'civilians, Kazakhstan: 20 (latest report)', '[1] Source, 14 March 2022',
      'law enforcement and military, Kazakhstan: 19 (latest report)', '[1] Source, 14 March 2022',
    ]);
    // Each report's key is drawn as its line's mark (usePointStyle): a diamond and a square, not two squares.
    expect(chart.tooltip!.options.usePointStyle).toBe(true);
    expect(chart.tooltip!.labelPointStyles.map((s) => s.pointStyle)).toEqual(['rectRot', 'rect']);
    // A mark on its own lists itself alone.
    expect(tooltipOver(chart, 0, 1).lines).toEqual(['Almaty: 139 (latest report)', '[1] Source, 14 March 2022']);
    chart.destroy();
  });

  it('gives each report its own date when the marks listed are of several days (a day apart on an axis of a year)', () => {
    const chart = drawTimeline({
      kind: 'timeline', id: 'timeline', title: 'Detained as reported over time', unit: 'people',
      series: [
        { label: 'Kazakhstan', tone: 0, points: [point('2022-01-07', 500), point('2023-01-10', 9900)] },
        { label: 'Almaty', tone: 1, points: [point('2022-01-08', 520)] },
      ],
    });
    const over = tooltipOver(chart, 0, 0);
    expect(over.title).toEqual([]);
    expect(over.lines.filter((_, i) => i % 2 === 0)).toEqual(['Kazakhstan: 500 (latest report), reported 7 Jan 2022', 'Almaty: 520 (latest report), reported 8 Jan 2022']);
    chart.destroy();
  });
});
