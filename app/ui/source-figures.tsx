import type { SourcePage } from '@/db/queries/source-page';
import type { FigureWithContext } from '@/db/queries/figures';
import { REPORT_STATUS_WORDS, reportStatus } from '@/lib/dashboard';
import { describeScope, formatDate } from '@/lib/wording';
import { FigureNumber } from './figure-number';
import { Pagination } from './pagination';

export const SOURCE_FIGURE_COLUMNS = ['Metric', 'Group and place', 'Figure', 'Status', 'Reported on'] as const;

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The event page's reading order: metric, group, place, date reported, entry. */
const readingOrder = (a: FigureWithContext, b: FigureWithContext) =>
  a.metric.sortOrder - b.metric.sortOrder || text(a.metric.key, b.metric.key) || text(a.group, b.group) || text(a.location, b.location) ||
  text(a.reportedOn, b.reportedOn) || a.id - b.id;

/**
 * The figures a source is cited for, event by event, each linking to its own page: what a reader
 * checking a source wants is every number the site took from it. Shown a page at a time (in the
 * order they were entered), each page's figures by event and in the event page's reading order.
 */
export function SourceFigures({ page, hrefFor }: { page: Pick<SourcePage, 'citedIn' | 'figures' | 'page' | 'pages' | 'latest'>; hrefFor: (page: number) => string }) {
  const { citedIn, figures } = page;
  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title">Figures taken from this source</h2>
      {citedIn.map((event) => {
        const ofEvent = figures.filter((f) => f.eventId === event.id).sort(readingOrder);
        if (!ofEvent.length) return null;
        return (
          <div key={event.id} className="table-wrap">
            <table className="reflow source-figures" role="table">
              <caption>{event.name}</caption>
              <thead role="rowgroup">
                <tr role="row">
                  {SOURCE_FIGURE_COLUMNS.map((c) => <th key={c} scope="col" role="columnheader" className={c === 'Figure' ? 'num' : undefined}>{c}</th>)}
                </tr>
              </thead>
              <tbody role="rowgroup">
                {ofEvent.map((f) => (
                  <tr key={f.id} role="row" data-figure-id={f.id}>
                    <td role="cell">{f.metric.label}</td>
                    <td role="cell">{describeScope(f.group, f.location)}</td>
                    <td role="cell" className="num"><FigureNumber figure={f} /></td>
                    <td role="cell">{REPORT_STATUS_WORDS[reportStatus(f, { headline: page.latest.has(f.id) ? f : null })]}</td>
                    <td role="cell"><time dateTime={f.reportedOn}>{formatDate(f.reportedOn)}</time></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
      <Pagination label="Figures taken from this source: pages" page={page.page} pages={page.pages} hrefFor={hrefFor} />
    </section>
  );
}
