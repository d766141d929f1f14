import type { ChartRow } from '@/lib/chart-data';
import { sourceLine } from '@/lib/citations';
import type { EventCharts, EventDashboard } from '@/lib/event-dashboard';
import { dashboardHref, type DashboardState } from '@/lib/url-state';
import { ChartPanel } from './chart-panel';
import { ChartTable } from './chart-table';
import { NoticeList } from './notice-list';
import { OptionPicker } from './option-picker';
import { BOUND_BARS_NOTE } from './charts/bar-style';

type Props = {
  dashboard: EventDashboard;
  charts: EventCharts;
  state: DashboardState;
  defaults: { metric: string; unit: string };
  /** What the page's link asked of the charts that they could not show (lib/link-notices.ts). */
  notices?: readonly string[];
};

const csvHref = (params: Record<string, string>) => `/api/figures.csv?${new URLSearchParams(params).toString()}`;
const STANDING_SAYS = 'its standing column says which the chart shows';

/**
 * The export filters for the compared headlines: their metrics, and their group and place when
 * they share one (they usually do: the whole count in the event's country), so the file holds
 * exactly the charted series with their history.
 */
function comparisonCsvFilters(event: string, rows: ChartRow[]): Record<string, string> {
  const params: Record<string, string> = { event, metric: [...new Set(rows.map((r) => r.figure.metric.key))].join(',') };
  const groups = new Set(rows.map((r) => r.figure.group));
  const locations = new Set(rows.map((r) => r.figure.location));
  if (groups.size === 1) params.group = [...groups][0]!;
  if (locations.size === 1) params.location = [...locations][0]!;
  return params;
}

/** The three charts: headlines compared by unit, one metric broken down, one metric over time. */
export function ChartsSection({ dashboard, charts, state, defaults, notices = [] }: Props) {
  const { event, citationOf, metrics } = dashboard;
  const href = (change: Partial<DashboardState>, hash: string) => dashboardHref(state, change, defaults, `#${hash}`);
  const { comparisons, breakdown, timeline } = charts;
  const compare = comparisons.find((c) => c.unit === state.compare) ?? comparisons[0];
  const slug = event.slug;
  return (
    <section aria-labelledby="charts-title">
      <h2 id="charts-title">Charts</h2>
      <NoticeList notices={notices} />
      {compare ? (
        <ChartPanel
          spec={compare.spec}
          subtitle={`The latest figure for each metric as a whole, in ${compare.unit}. Ranges are drawn from low to high; figures of other units are under their own tab.${compare.spec.bars.some((b) => b.bound) ? ` ${BOUND_BARS_NOTE}` : ''}`}
          sourceLine={sourceLine(compare.rows.map((r) => r.figure))}
          view={state.compareView}
          chartHref={href({ compareView: 'chart' }, 'compare')}
          tableHref={href({ compareView: 'table' }, 'compare')}
          csvHref={csvHref(comparisonCsvFilters(slug, compare.rows))}
          csvHolds={`every published report of these counts, earlier ones included; ${STANDING_SAYS}`}
          fileName={`${slug}-compare-${compare.unit}`}
          context={event.name}
          controls={
            <OptionPicker
              label="Headline figures: unit shown"
              options={comparisons.map((c) => ({ key: c.unit, label: c.unit }))}
              current={compare.unit}
              hrefFor={(unit) => href({ compare: unit }, 'compare')}
            />
          }
          table={<ChartTable rows={compare.rows} caption={`${compare.spec.title}: the numbers charted`} labelHeader="Metric" citationOf={citationOf} />}
        />
      ) : null}
      <ChartPanel
        spec={breakdown.spec}
        subtitle={`The latest figure for each group and place, in ${breakdown.unit}.${breakdown.spec.bars.some((b) => b.bound) ? ` ${BOUND_BARS_NOTE}` : ''}${breakdown.rows.length > 1 ? ' Groups and places overlap (a city is within its country, a group within “all”): compare the bars, do not add them up.' : ''}${breakdown.omitted ? ` Shown: ${breakdown.wholeFirst ? 'the whole country’s count, then ' : ''}the largest; ${breakdown.omitted} more are in All reports.` : ''}`}
        sourceLine={sourceLine(breakdown.rows.map((r) => r.figure))}
        view={state.breakdownView}
        chartHref={href({ breakdownView: 'chart' }, 'breakdown')}
        tableHref={href({ breakdownView: 'table' }, 'breakdown')}
        csvHref={csvHref({ event: slug, metric: state.breakdown })}
        csvHolds={`every published report of this metric, of every group and place, earlier ones included; ${STANDING_SAYS}`}
        fileName={`${slug}-${breakdown.spec.id}`}
        context={event.name}
        controls={<OptionPicker label="Breakdown: metric shown" options={metrics} current={state.breakdown} hrefFor={(key) => href({ breakdown: key }, 'breakdown')} />}
        table={<ChartTable rows={breakdown.rows} caption={`${breakdown.spec.title}: the numbers charted`} labelHeader="Group and place" citationOf={citationOf} />}
      />
      <ChartPanel
        spec={timeline.spec}
        subtitle={`Every report by the date it was reported, in ${timeline.unit}: filled marks (lines told apart by shape as well as colour) are the latest figures, hollow marks superseded reports, grey crosses retracted ones; bars show ranges (a range given with no best number is its bar alone, and the line dashed where it runs at its middle), and an arrow beside a mark a number given as a bound (up: more than or at least; down: up to).${timeline.omitted ? ` The ${timeline.spec.series.length} most reported groups and places are shown; ${timeline.omitted} more are in All reports.` : ''}`}
        sourceLine={sourceLine(timeline.rows.map((r) => r.figure))}
        view={state.timelineView}
        chartHref={href({ timelineView: 'chart' }, 'timeline')}
        tableHref={href({ timelineView: 'table' }, 'timeline')}
        csvHref={csvHref({ event: slug, metric: state.timeline, status: 'all' })}
        csvHolds="every report of this metric, of every group and place, retracted ones included and marked"
        fileName={`${slug}-${timeline.spec.id}`}
        context={event.name}
        controls={<OptionPicker label="Timeline: metric shown" options={metrics} current={state.timeline} hrefFor={(key) => href({ timeline: key }, 'timeline')} />}
        table={<ChartTable rows={timeline.rows} caption={`${timeline.spec.title}: every report`} labelHeader="Group and place" citationOf={citationOf} />}
      />
    </section>
  );
}
