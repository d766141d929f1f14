'use client';
import type { Chart as ChartJS, ChartData, ChartOptions } from 'chart.js';
import { useMemo, useRef } from 'react';
import { Bar } from 'react-chartjs-2';
import type { BarSpec } from '@/lib/chart-spec';
import { PngButton } from './png-button';
import { backgroundPlugin, barLabelsPlugin } from './plugins';
import { PALETTE } from './register';
import { useChartTheme } from './use-chart-theme';

const grouped = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** A horizontal bar chart of worded figures; ranges are floating bars from low to high. */
export default function BarChart({ spec, description, fileName }: { spec: BarSpec; description: string; fileName: string }) {
  const theme = useChartTheme();
  const chartRef = useRef<ChartJS<'bar', [number, number][], string[]> | null>(null);
  const data = useMemo<ChartData<'bar', [number, number][], string[]>>(
    () => ({
      // One line per part of "group, place", so long labels wrap rather than being cut off.
      labels: spec.bars.map((b) => b.label.split(', ')),
      datasets: [{ label: spec.title, data: spec.bars.map((b) => [b.low, b.high]), backgroundColor: PALETTE[0], borderSkipped: false, maxBarThickness: 36 }],
    }),
    [spec],
  );
  if (!theme) return null;
  const credit = {
    chartId: spec.id,
    title: spec.title,
    subtitles: spec.title.toLowerCase().includes(`in ${spec.unit}`.toLowerCase()) ? [] : [`In ${spec.unit}.`],
    citations: spec.bars.map((b) => b.citation),
  };
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          label: (ctx) => {
            const bar = spec.bars[ctx.dataIndex];
            return bar ? [bar.wording, bar.citation] : '';
          },
        },
      },
    },
    layout: { padding: { right: 16 } },
    scales: {
      x: {
        beginAtZero: true,
        grace: '12%',
        ticks: { color: theme.muted, callback: (v) => (typeof v === 'number' ? (v >= 1e6 ? compact.format(v) : grouped.format(v)) : v) },
        grid: { color: theme.grid },
        title: { display: true, text: spec.unit, color: theme.muted },
      },
      y: { ticks: { color: theme.fg }, grid: { display: false } },
    },
  };
  return (
    <>
      <div className="chart-canvas" style={{ height: `${Math.max(140, spec.bars.length * 44 + 70)}px` }}>
        <Bar ref={chartRef} data={data} options={options} plugins={[backgroundPlugin(theme.bg), barLabelsPlugin(spec.bars.map((b) => b.wording), theme.fg)]} role="img" aria-label={description} fallbackContent={<p>{description}</p>} />
      </div>
      <PngButton chartRef={chartRef as never} fileName={fileName} credit={credit} theme={theme} />
    </>
  );
}
