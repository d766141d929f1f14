import { html } from '@/lib/html';
import type { EventDashboard } from '@/lib/event-dashboard';
import type { FigureChange } from '@/db/queries/audit-read';
import { headlineCardHtml } from './headline-card';
import { RawHtml } from './raw-html';

/** Every metric's headline figures: the whole count first, then each group and place. */
export function HeadlineCards({ dashboard, changes }: { dashboard: EventDashboard; changes?: ReadonlyMap<number, FigureChange> }) {
  return (
    <section aria-labelledby="headlines-title">
      <h2 id="headlines-title">Headline figures</h2>
      <p className="muted">The latest published figure for each group and place, as its source worded it.</p>
      {dashboard.cards.map((metric) => (
        <section key={metric.metricKey} className="card-group" aria-labelledby={`metric-${metric.metricKey}`}>
          <h3 id={`metric-${metric.metricKey}`}>{metric.metricLabel}</h3>
          {/* A metric with no card has reports, all of them retracted (a published one would head its series). */}
          {metric.cards.length === 0 ? <p className="muted">Every report of {metric.metricLabel.toLowerCase()} for this event has been retracted: see All reports.</p> : null}
          {/* The cards as markup (lib/html.ts): with the tables, the largest part of the page. */}
          <RawHtml
            className="cards"
            html={html`${metric.cards.map((card) => headlineCardHtml(card, dashboard.citationOf[card.headline.sourceId] ?? 0, changes?.get(card.headline.id)))}`}
          />
          {metric.omitted ? (
            <p className="muted">
              {metric.omitted} more {metric.omitted === 1 ? 'group or place has' : 'groups and places have'} figures for {metric.metricLabel.toLowerCase()}: see All reports.
            </p>
          ) : null}
        </section>
      ))}
    </section>
  );
}
