'use client';
import { Chart, type Chart as ChartJS, type ChartData, type ChartOptions } from 'chart.js';
import { useMemo, useRef } from 'react';
import { Line } from 'react-chartjs-2';
import type { TimelineSpec } from '@/lib/chart-spec';
import { wordedCitation } from '@/lib/citations';
import { PngButton } from './png-button';
import { backgroundPlugin, boundArrowsPlugin, rangeBarsPlugin } from './plugins';
import { LINE_PALETTES } from './palette';
import './register';
import { DAY, timelineDatasets, timelineDayRange, timelineValueMax, type TimelinePointXY as Point } from './timeline-datasets';
import { useChartTheme } from './use-chart-theme';

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const grouped = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
// What they draw is in the data and the options (plugins.ts says why).
const LINE_PLUGINS = [backgroundPlugin, rangeBarsPlugin, boundArrowsPlugin];
const STATUS_WORDS = { headline: 'latest report', superseded: 'superseded', retracted: 'retracted' } as const;

/**
 * Every report of a metric by the date it was reported: one line per group and place; the
 * latest report a filled mark (the lines told apart by shape as well as colour), superseded reports hollow, retracted ones grey crosses, and
 * ranges as error bars.
 */
export default function TimelineChart({ spec, description, fileName, context }: { spec: TimelineSpec; description: string; fileName: string; context: string }) {
  const theme = useChartTheme();
  const chartRef = useRef<ChartJS<'line', Point[]> | null>(null);
  const scheme = theme?.scheme ?? 'light';
  // Each line its own colour, of the set that stands out from this scheme's page.
  const data = useMemo<ChartData<'line', Point[]>>(() => ({ datasets: timelineDatasets(spec, LINE_PALETTES[scheme]) }), [spec, scheme]);
  if (!theme) return null;
  const days = timelineDayRange(data.datasets);
  const credit = {
    chartId: spec.id,
    title: spec.title,
    context,
    subtitles: [
      `In ${spec.unit}, by date reported: filled marks are the latest figures, hollow marks superseded reports, grey crosses retracted ones; bars show ranges, arrows numbers given as bounds (up: more than, down: up to).`,
      `In ${spec.unit}, by date reported.`,
    ],
    citations: spec.series.flatMap((s) => s.points.map((p) => p.citation)),
  };
  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    parsing: false,
    plugins: {
      pageBackground: { colour: theme.bg },
      legend: {
        position: 'bottom',
        labels: {
          color: theme.fg,
          usePointStyle: true,
          // A line's key is its colour, filled: drawn from its first point, it was hollow
          // whenever that report had been superseded (the legend is not a report's status).
          generateLabels: (chart) => Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) => ({ ...item, fillStyle: item.strokeStyle })),
          filter: (item) => !item.text.endsWith('(retracted)'),
        },
      },
      tooltip: {
        callbacks: {
          title: (items) => (items[0] ? `Reported ${shortDate.format(new Date((items[0].raw as Point).x * DAY))}` : ''),
          label: (item) => {
            const p = item.raw as Point;
            return [`${(item.dataset.label ?? '').replace(/ \(retracted\)$/, '')}: ${p.wording} (${STATUS_WORDS[p.status]})`, wordedCitation(p.citation)];
          },
        },
      },
    },
    scales: {
      x: {
        type: 'linear',
        ...days,
        ticks: { color: theme.muted, maxTicksLimit: 6, includeBounds: false, callback: (v) => shortDate.format(new Date(Number(v) * DAY)) },
        grid: { color: theme.grid },
        title: { display: true, text: 'Date reported', color: theme.muted },
      },
      y: {
        beginAtZero: true,
        // Up to the top of every range, not only to the points.
        suggestedMax: timelineValueMax(spec),
        ticks: { color: theme.muted, callback: (v) => (typeof v === 'number' ? (v >= 1e6 ? compact.format(v) : grouped.format(v)) : v) },
        grid: { color: theme.grid },
        title: { display: true, text: spec.unit, color: theme.muted },
      },
    },
  };
  return (
    <>
      <div className="chart-canvas" style={{ height: '340px' }}>
        <Line ref={chartRef} data={data} options={options} plugins={LINE_PLUGINS} role="img" aria-label={description} fallbackContent={<p>{description}</p>} />
      </div>
      <PngButton chartRef={chartRef as never} fileName={fileName} credit={credit} theme={theme} />
    </>
  );
}
