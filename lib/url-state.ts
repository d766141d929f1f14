/** The parts of the event page a reader can change; they live in the URL so a link reopens them. */
export type ChartView = 'chart' | 'table';

export type DashboardState = {
  compare: string;
  compareView: ChartView;
  breakdown: string;
  breakdownView: ChartView;
  timeline: string;
  timelineView: ChartView;
  reportsPage: number;
};

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const view = (v: string | string[] | undefined): ChartView => (one(v) === 'table' ? 'table' : 'chart');

/**
 * Reads the page state from the query string. Unknown values fall back to the defaults rather
 * than failing: an old or hand-edited link still opens the page.
 */
export function readDashboardState(params: Params, choices: { metrics: string[]; units: string[] }, defaults: { metric: string; unit: string }): DashboardState {
  const metric = (v: string | string[] | undefined) => {
    const key = one(v);
    return key && choices.metrics.includes(key) ? key : defaults.metric;
  };
  const unit = one(params.compare);
  const page = Number.parseInt(one(params.reports_page) ?? '1', 10);
  return {
    compare: unit && choices.units.includes(unit) ? unit : defaults.unit,
    compareView: view(params.compare_view),
    breakdown: metric(params.breakdown),
    breakdownView: view(params.breakdown_view),
    timeline: metric(params.timeline),
    timelineView: view(params.timeline_view),
    // A page past the end shows the last (the page clamps it), however far past: a number too
    // large to hold exactly is past the end too.
    reportsPage: page > 0 ? Math.min(page, Number.MAX_SAFE_INTEGER) : 1,
  };
}

const DEFAULTS: Record<string, string> = { compare_view: 'chart', breakdown_view: 'chart', timeline_view: 'chart', reports_page: '1' };

/** The query string of `state` with `change` applied, omitting defaults so links stay short. */
export function dashboardHref(state: DashboardState, change: Partial<DashboardState>, defaults: { metric: string; unit: string }, hash = ''): string {
  const next = { ...state, ...change };
  const entries: Array<[string, string]> = [
    ['compare', next.compare],
    ['compare_view', next.compareView],
    ['breakdown', next.breakdown],
    ['breakdown_view', next.breakdownView],
    ['timeline', next.timeline],
    ['timeline_view', next.timelineView],
    ['reports_page', String(next.reportsPage)],
  ];
  const query = new URLSearchParams(
    entries.filter(([k, v]) => {
      if (k === 'compare') return v !== defaults.unit;
      if (k === 'breakdown' || k === 'timeline') return v !== defaults.metric;
      return DEFAULTS[k] !== v;
    }),
  ).toString();
  return `?${query}${hash}`;
}
