'use client';
import type { Chart as ChartJS, ChartData } from 'chart.js';
import { useMemo, useRef } from 'react';
import { Line } from 'react-chartjs-2';
import type { TimelineSpec } from '@/lib/chart-spec';
import { PngButton } from './png-button';
import { backgroundPlugin, boundArrowsPlugin, rangeBarsPlugin } from './plugins';
import { LINE_PALETTES } from './palette';
import './register';
import { timelineDatasets, type TimelinePointXY as Point } from './timeline-datasets';
import { timelineOptions } from './timeline-options';
import { useChartTheme } from './use-chart-theme';

// What they draw is in the data and the options (plugins.ts says why).
const LINE_PLUGINS = [backgroundPlugin, rangeBarsPlugin, boundArrowsPlugin];

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
  const options = timelineOptions(spec, data.datasets, theme);
  return (
    <>
      <div className="chart-canvas" style={{ height: '340px' }}>
        <Line ref={chartRef} data={data} options={options} plugins={LINE_PLUGINS} role="img" aria-label={description} fallbackContent={<p>{description}</p>} />
      </div>
      <PngButton chartRef={chartRef as never} fileName={fileName} credit={credit} theme={theme} />
    </>
  );
}
