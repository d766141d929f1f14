import { quoteInput } from '@/lib/quote-input';
import type { DashboardChart, LinkProblem } from '@/lib/url-state';

/** The charts as a sentence names them. */
const CHART_NAMES: Record<DashboardChart, string> = { compare: 'the headline figures', breakdown: 'the breakdown', timeline: 'the timeline' };

const times = (n: number) => (n === 2 ? 'twice' : `${n} times`);

function sentence(p: LinkProblem, labelOf: (metricKey: string) => string): string {
  switch (p.kind) {
    case 'repeated':
      // Only read: what it asks for may itself be refused, which a notice after this one says.
      return `This link gave ${p.parameter} ${times(p.times)}; only the first, ${p.used === '' ? 'which is empty' : quoteInput(p.used)}, is read.`;
    case 'unit':
      return `This link asked for the headline figures in ${quoteInput(p.given)}, a unit this event has no figures in; they are shown in ${p.shown} instead.`;
    case 'metric':
      return `This link asked for ${CHART_NAMES[p.chart]} of the metric ${quoteInput(p.given)}, which this event does not have; it shows ${labelOf(p.shown)} instead.`;
    case 'view':
      return `This link asked to show ${CHART_NAMES[p.chart]} as ${quoteInput(p.given)}, which is neither chart nor table; it is shown as it is by default.`;
    case 'page':
      return `This link asked for page ${quoteInput(p.given)} of All reports, which is not a page number; the first page is shown.`;
    case 'past-end':
      return `This link asked for page ${p.given.toLocaleString('en-US')} of All reports, which has ${p.pages <= 1 ? 'only one page, which is shown.' : `${p.pages.toLocaleString('en-US')} pages; the last is shown.`}`;
  }
}

const aboutReports = (p: LinkProblem) => p.kind === 'page' || p.kind === 'past-end' || (p.kind === 'repeated' && p.parameter === 'reports_page');

/**
 * What the event page says of a link it could not follow in full, in plain sentences: those about
 * the charts (shown above them) apart from those about All reports (shown above its table).
 * Metrics are named by their labels, as the charts' tabs name them.
 */
export function linkNotices(problems: readonly LinkProblem[], labelOf: (metricKey: string) => string): { charts: string[]; reports: string[] } {
  return {
    charts: problems.filter((p) => !aboutReports(p)).map((p) => sentence(p, labelOf)),
    reports: problems.filter(aboutReports).map((p) => sentence(p, labelOf)),
  };
}
