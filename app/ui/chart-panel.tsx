import type { ReactNode } from 'react';
import type { ChartSpec } from '@/lib/chart-spec';
import { describeChart } from '@/lib/chart-description';
import type { ChartView } from '@/lib/url-state';
import { ChartFigure } from './charts/chart-figure';
import { ViewSwitch } from './view-switch';

type Props = {
  spec: ChartSpec;
  subtitle: string;
  sourceLine: string;
  view: ChartView;
  chartHref: string;
  tableHref: string;
  csvHref: string;
  /** What the CSV holds, said beside its link: more than the chart draws (earlier reports, other groups). */
  csvHolds: string;
  fileName: string;
  /** What the chart is of (the event's name), for its PNG, which may be posted alone. */
  context: string;
  /** Controls above the chart, such as the metric picker. */
  controls?: ReactNode;
  /** The table with the chart's numbers. */
  table: ReactNode;
};

/**
 * One chart as data publishers show it: title, subtitle with the unit, a chart or table view,
 * the source line, and downloads of its data (CSV) and picture (PNG).
 */
export function ChartPanel({ spec, subtitle, sourceLine, view, chartHref, tableHref, csvHref, csvHolds, fileName, context, controls, table }: Props) {
  const headingId = `${spec.id}-title`;
  return (
    <section className="chart-panel" id={spec.id} aria-labelledby={headingId}>
      <h3 id={headingId}>{spec.title}</h3>
      <p className="chart-subtitle">{subtitle}</p>
      {controls}
      <ViewSwitch label={spec.title} current={view} chartHref={chartHref} tableHref={tableHref} />
      <div className="chart-body">
        {view === 'chart' ? (
          <ChartFigure spec={spec} description={describeChart(spec)} fileName={fileName} context={context}>
            {/* Shown, with the table, until the chart is drawn (never, without JavaScript): the
                "Chart" marked current is not to be taken for a chart that failed to load. */}
            <p className="chart-note">The chart needs JavaScript; until it runs, this table shows the same numbers.</p>
            {table}
          </ChartFigure>
        ) : (
          table
        )}
      </div>
      <p className="chart-source">Source: {sourceLine || 'no published figures'}.</p>
      <p className="chart-downloads">
        <a href={csvHref} download>
          {/* Three charts, three such links: each is named after its chart for a screen reader. */}
          Download CSV<span className="visually-hidden"> of {spec.title}</span>
        </a>
        <span className="muted"> ({csvHolds})</span>
      </p>
    </section>
  );
}
