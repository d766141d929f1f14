import type { ChartSpec } from './chart-spec';

/** A chart in words, for screen readers and for anyone the canvas does not reach. */
export function describeChart(spec: ChartSpec): string {
  if (spec.kind === 'bar') {
    if (spec.bars.length === 0) return `${spec.title}: no figures to chart.`;
    return `Bar chart, ${spec.title} (${spec.unit}): ${spec.bars.map((b) => `${b.label} ${b.wording}`).join('; ')}.`;
  }
  const parts = spec.series.map((s) => `${s.label}: ${s.points.map((p) => `${p.wording} on ${p.date}${p.status === 'headline' ? '' : ` (${p.status})`}`).join(', then ')}`);
  return `Timeline, ${spec.title} (${spec.unit}), by date reported. ${parts.join('. ')}.`;
}
