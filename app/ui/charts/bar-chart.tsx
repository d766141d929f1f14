'use client';
import type { Chart as ChartJS, ChartData, ChartOptions } from 'chart.js';
import { useMemo, useRef } from 'react';
import { Bar } from 'react-chartjs-2';
import { barLabelLines } from '@/lib/chart-labels';
import type { BarSpec } from '@/lib/chart-spec';
import { wordedCitation } from '@/lib/citations';
import { PngButton } from './png-button';
import { BOUND_BARS_NOTE, barStyles } from './bar-style';
import { backgroundPlugin, barLabelsPlugin } from './plugins';
import { BAR_COLOUR } from './palette';
import './register';
import { useChartTheme } from './use-chart-theme';
import { useMediaQuery } from './use-media-query';

const grouped = new Intl.NumberFormat('en-US');
// What they draw is in the options (plugins.ts says why).
const BAR_PLUGINS = [backgroundPlugin, barLabelsPlugin];
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** A horizontal bar chart of worded figures; ranges are floating bars from low to high. */
export default function BarChart({ spec, description, fileName, context }: { spec: BarSpec; description: string; fileName: string; context: string }) {
  const theme = useChartTheme();
  const chartRef = useRef<ChartJS<'bar', [number, number][], string[]> | null>(null);
  const narrow = useMediaQuery('(max-width: 40rem)');
  const data = useMemo<ChartData<'bar', [number, number][], string[]>>(
    () => ({
      // One line per part of "group, place" at least, shorter lines on a phone, so long labels
      // wrap rather than being cut off at the canvas's edge; wrapped again when the width crosses.
      labels: spec.bars.map((b) => barLabelLines(b.label, narrow ? 16 : 32)),
      datasets: [{ label: spec.title, data: spec.bars.map((b) => [b.low, b.high]), ...barStyles(spec.bars, BAR_COLOUR), borderSkipped: false, maxBarThickness: 36 }],
    }),
    [spec, narrow],
  );
  if (!theme) return null;
  // Each bar is as tall as its longest label needs (about 15 px a line), 44 px at least.
  const barHeight = Math.max(44, Math.max(...data.labels!.map((l) => l.length)) * 15 + 14);
  const unitLine = spec.title.toLowerCase().includes(`in ${spec.unit}`.toLowerCase()) ? '' : `In ${spec.unit}.`;
  const credit = {
    chartId: spec.id,
    title: spec.title,
    context,
    // In order of preference (the first that fits is drawn): what hollow bars are, then the unit alone.
    subtitles: [
      ...(spec.bars.some((b) => b.bound) ? [[unitLine, BOUND_BARS_NOTE].filter(Boolean).join(' ')] : []),
      ...(unitLine ? [unitLine] : []),
    ],
    citations: spec.bars.map((b) => b.citation),
  };
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      pageBackground: { colour: theme.bg },
      barLabels: { labels: spec.bars.map((b) => b.wording), colour: theme.fg, hollow: spec.bars.map((b) => b.bound !== null) },
      legend: { display: false },
      tooltip: {
        callbacks: {
          label: (ctx) => {
            const bar = spec.bars[ctx.dataIndex];
            return bar ? [bar.wording, wordedCitation(bar.citation)] : '';
          },
        },
      },
    },
    // Room for half of the last tick's label ("12,000") past the plot's right edge.
    layout: { padding: { right: 28 } },
    scales: {
      x: {
        beginAtZero: true,
        grace: '12%',
        ticks: { color: theme.muted, callback: (v) => (typeof v === 'number' ? (v >= 1e6 ? compact.format(v) : grouped.format(v)) : v) },
        grid: { color: theme.grid },
        title: { display: true, text: spec.unit, color: theme.muted },
      },
      // Every bar keeps its label: none is skipped for room (the canvas grows with the lines instead).
      y: { ticks: { color: theme.fg, autoSkip: false }, grid: { display: false } },
    },
  };
  return (
    <>
      <div className="chart-canvas" style={{ height: `${Math.max(140, spec.bars.length * barHeight + 70)}px` }}>
        <Bar ref={chartRef} data={data} options={options} plugins={BAR_PLUGINS} role="img" aria-label={description} fallbackContent={<p>{description}</p>} />
      </div>
      <PngButton chartRef={chartRef as never} fileName={fileName} credit={credit} theme={theme} />
    </>
  );
}
