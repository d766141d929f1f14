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

/** The page's parameters, in the order its parts come (the charts, then All reports). */
export const DASHBOARD_PARAMETERS = ['compare', 'compare_view', 'breakdown', 'breakdown_view', 'timeline', 'timeline_view', 'reports_page'] as const;
export type DashboardParameter = (typeof DASHBOARD_PARAMETERS)[number];
export type DashboardChart = 'compare' | 'breakdown' | 'timeline';

/** Something a link asked for that the page cannot show as asked; `shown` is what it shows instead. */
export type LinkProblem =
  | { kind: 'repeated'; parameter: DashboardParameter; times: number; used: string }
  | { kind: 'unit'; given: string; shown: string }
  | { kind: 'metric'; chart: 'breakdown' | 'timeline'; given: string; shown: string }
  | { kind: 'view'; chart: DashboardChart; given: string }
  | { kind: 'page'; given: string }
  | { kind: 'past-end'; given: number; pages: number };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const PAGE = /^\d+$/;

type Choices = { metrics: string[]; units: string[]; reportPages?: number };

const VIEWS: readonly ChartView[] = ['chart', 'table'];

/** The choice `value` names in any letter case (`Deaths`, `TABLE`: a link typed by hand), as the data API reads its names. */
function inAnyCase<T extends string>(value: string | undefined, options: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  return options.find((o) => o === value) ?? options.find((o) => o.toLowerCase() === value.toLowerCase());
}

/**
 * Reads the page state from the query string, and what in it the page cannot follow. Unknown
 * values fall back to the defaults rather than failing: an old or hand-edited link still opens
 * the page, and the problems let it say what it shows instead. A parameter given twice is read
 * by its first value. An empty value is read as none given, and is no problem.
 */
export function readDashboardLink(params: Params, choices: Choices, defaults: { metric: string; unit: string }): { state: DashboardState; problems: LinkProblem[] } {
  const problems: LinkProblem[] = [];
  const value = (parameter: DashboardParameter) => {
    const v = params[parameter];
    if (Array.isArray(v) && v.length > 1) problems.push({ kind: 'repeated', parameter, times: v.length, used: v[0] ?? '' });
    return one(v) || undefined;
  };
  const view = (chart: DashboardChart): ChartView => {
    const v = value(`${chart}_view`);
    const known = inAnyCase(v, VIEWS);
    if (v !== undefined && known === undefined) problems.push({ kind: 'view', chart, given: v });
    return known ?? 'chart';
  };
  const metric = (chart: 'breakdown' | 'timeline') => {
    const key = value(chart);
    const known = inAnyCase(key, choices.metrics);
    if (key === undefined || known !== undefined) return known ?? defaults.metric;
    problems.push({ kind: 'metric', chart, given: key, shown: defaults.metric });
    return defaults.metric;
  };
  const unit = value('compare');
  const knownUnit = inAnyCase(unit, choices.units);
  if (unit !== undefined && knownUnit === undefined) problems.push({ kind: 'unit', given: unit, shown: defaults.unit });
  const compare = knownUnit ?? defaults.unit;
  const compareView = view('compare');
  const breakdown = metric('breakdown');
  const breakdownView = view('breakdown');
  const timeline = metric('timeline');
  const timelineView = view('timeline');
  const page = value('reports_page');
  let reportsPage = 1;
  if (page !== undefined && PAGE.test(page) && Number(page) >= 1) {
    // However far past the end: a number too large to hold exactly is past the end too.
    reportsPage = Math.min(Number(page), Number.MAX_SAFE_INTEGER);
  } else if (page !== undefined) {
    problems.push({ kind: 'page', given: page });
  }
  // A page past the end shows the last.
  if (choices.reportPages !== undefined && reportsPage > choices.reportPages) {
    problems.push({ kind: 'past-end', given: reportsPage, pages: choices.reportPages });
    reportsPage = Math.max(1, choices.reportPages);
  }
  return { state: { compare, compareView, breakdown, breakdownView, timeline, timelineView, reportsPage }, problems };
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
