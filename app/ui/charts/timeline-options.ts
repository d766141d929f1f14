import { Chart, type ChartOptions, type TooltipItem } from 'chart.js';
import type { TimelineSpec } from '@/lib/chart-spec';
import { wordedCitation } from '@/lib/citations';
import { DAY, timelineDayRange, timelineValueMax, type TimelinePointXY as Point } from './timeline-datasets';
import type { ChartTheme } from './use-chart-theme';

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const grouped = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const STATUS_WORDS = { headline: 'latest report', superseded: 'superseded', retracted: 'retracted' } as const;
const dayOf = (x: number) => shortDate.format(new Date(x * DAY));

/**
 * Which marks the pointer finds: every mark it is over, not only the nearest. Two reports of one
 * day and about one number (20 civilians and 19 officers killed, reported 14 March) sit on one
 * another, and the tooltip lists them both.
 */
export const TIMELINE_INTERACTION = { mode: 'point', intersect: true } as const;

/** The days of the marks a tooltip lists (on a long axis, reports a day apart can touch). */
function daysListed(item: TooltipItem<'line'>): Set<number | undefined> {
  const active = item.chart.tooltip?.getActiveElements() ?? [];
  return new Set(active.map((a) => (item.chart.data.datasets[a.datasetIndex]?.data[a.index] as Point | undefined)?.x));
}

/** The timeline's options: axes, legend and tooltip in the page's colours (`theme`). */
export function timelineOptions(spec: TimelineSpec, datasets: ReadonlyArray<{ data: ReadonlyArray<{ x: number }> }>, theme: ChartTheme): ChartOptions<'line'> {
  const days = timelineDayRange(datasets);
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    parsing: false,
    interaction: TIMELINE_INTERACTION,
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
        // Each report's key in the list is its line's mark (circle, diamond…), filled or hollow as on the chart, not a square.
        usePointStyle: true,
        callbacks: {
          // One day over the list; marks of several days each say their own.
          title: (items) => {
            const listed = new Set(items.map((i) => (i.raw as Point).x));
            return listed.size === 1 ? `Reported ${dayOf([...listed][0]!)}` : '';
          },
          label: (item) => {
            const p = item.raw as Point;
            const day = daysListed(item).size > 1 ? `, reported ${dayOf(p.x)}` : '';
            return [`${(item.dataset.label ?? '').replace(/ \(retracted\)$/, '')}: ${p.wording} (${STATUS_WORDS[p.status]})${day}`, wordedCitation(p.citation)];
          },
        },
      },
    },
    scales: {
      x: {
        type: 'linear',
        ...days,
        ticks: { color: theme.muted, maxTicksLimit: 6, includeBounds: false, callback: (v) => dayOf(Number(v)) },
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
}
