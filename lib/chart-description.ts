import type { ChartSpec } from './chart-spec';
import { formatDate } from './wording';

/** A timeline with at most this many reports is read out report by report. */
export const DESCRIBED_POINTS = 24;

/** A chart in words, for screen readers and for anyone the canvas does not reach. */
export function describeChart(spec: ChartSpec): string {
  if (spec.kind === 'bar') {
    if (spec.bars.length === 0) return `${spec.title}: no figures to chart.`;
    return `Bar chart, ${spec.title} (${spec.unit}): ${spec.bars.map((b) => `${b.label} ${b.wording}`).join('; ')}.`;
  }
  const head = `Timeline, ${spec.title} (${spec.unit}), by date reported.`;
  const points = spec.series.reduce((n, s) => n + s.points.length, 0);
  if (points === 0) return `${head} No report gives a number to draw.${unnumberedNote(spec.unnumbered)}`;
  if (points <= DESCRIBED_POINTS) {
    const parts = spec.series.map((s) => `${s.label}: ${s.points.map((p) => `${p.wording} on ${formatDate(p.date)}${p.status === 'headline' ? '' : ` (${p.status})`}`).join(', then ')}`);
    return `${head} ${parts.join('. ')}.${unnumberedNote(spec.unnumbered)}`;
  }
  // Past a few dozen reports a description that reads out every one is too long to listen to:
  // each line's first and latest report, and the table (always beside the chart) has them all.
  const parts = spec.series.map((s) => {
    const first = s.points[0]!;
    const last = s.points.at(-1)!;
    return s.points.length === 1
      ? `${s.label}: ${first.wording} on ${formatDate(first.date)}`
      : `${s.label}: ${s.points.length} reports, from ${first.wording} on ${formatDate(first.date)} to ${last.wording} on ${formatDate(last.date)}`;
  });
  return `${head} ${parts.join('. ')}.${unnumberedNote(spec.unnumbered)} The table lists every report.`;
}

/** The reports a timeline cannot draw, said rather than left out of its description. */
function unnumberedNote(unnumbered: number | undefined): string {
  if (!unnumbered) return '';
  // Not "yet": a later report of the same count may well give one.
  return unnumbered === 1 ? ' One report gives no number (being determined); it is in the table, not drawn.' : ` ${unnumbered} reports give no number (being determined); they are in the table, not drawn.`;
}
