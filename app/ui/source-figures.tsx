import type { SourcePage } from '@/db/queries/source-page';
import type { FigureWithContext } from '@/db/queries/figures';
import { describeScope, formatDate } from '@/lib/wording';
import { FigureNumber } from './figure-number';
import { Pagination } from './pagination';

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
export function SourceFigures({ page, hrefFor }: { page: Pick<SourcePage, 'citedIn' | 'figures' | 'page' | 'pages'>; hrefFor: (page: number) => string }) {
  const { citedIn, figures } = page;
  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title">Figures taken from this source</h2>
      {citedIn.map((event) => {
        const ofEvent = figures.filter((f) => f.eventId === event.id).sort(readingOrder);
        if (!ofEvent.length) return null;
        return (
          <div key={event.id} className="table-wrap">
            <table>
              <caption>{event.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Metric</th>
                  <th scope="col">Group and place</th>
                  <th scope="col" className="num">Figure</th>
                  <th scope="col">Reported on</th>
                </tr>
              </thead>
              <tbody>
                {ofEvent.map((f) => (
                  <tr key={f.id} data-figure-id={f.id}>
                    <td>{f.metric.label}</td>
                    <td>{describeScope(f.group, f.location)}</td>
                    <td className="num">
                      <FigureNumber figure={f} />
                      {f.status === 'retracted' ? <div className="muted">retracted</div> : null}
                    </td>
                    <td><time dateTime={f.reportedOn}>{formatDate(f.reportedOn)}</time></td>
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
