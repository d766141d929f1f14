import type { Metadata } from 'next';
import Link from 'next/link';
import { NoticeList } from '@/app/ui/notice-list';
import { getDb } from '@/db/index';
import { figureFormOptions, listFiguresForAdmin } from '@/db/queries/figure-admin';
import { requireAdmin } from '@/lib/auth/session';
import { pageWithin, readFigureFilters, type FigureFiltersInput } from '@/lib/validation/admin-figure-filters';
import { describeScope, formatDate, formatFigureWithUnit } from '@/lib/wording';

export const metadata: Metadata = { title: 'Figures' };

const PAGE_SIZE = 25;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function pageHref(f: FigureFiltersInput, page: number): string {
  const p = new URLSearchParams();
  if (f.event) p.set('event', String(f.event));
  if (f.metric) p.set('metric', String(f.metric));
  if (f.status) p.set('status', f.status);
  if (f.q) p.set('q', f.q);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `/admin/figures?${s}` : '/admin/figures';
}

export default async function FiguresPage({ searchParams }: Props) {
  await requireAdmin();
  const db = getDb();
  const { filters, notices } = readFigureFilters(await searchParams);
  const options = figureFormOptions(db);
  const list = (page: number) => listFiguresForAdmin(db, { eventId: filters.event, metricId: filters.metric, status: filters.status, q: filters.q, page, pageSize: PAGE_SIZE });
  let { rows, total } = list(filters.page);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // A page past the end (an old link, a list that got shorter) shows the last, and says so.
  const within = pageWithin(filters.page, pages);
  if (within.notice) {
    notices.push(within.notice);
    ({ rows, total } = list(within.page));
  }
  const f = { ...filters, page: within.page };
  return (
    <>
      <h1>Figures</h1>
      <p><Link className="button" href={f.event ? `/admin/figures/new?event=${f.event}` : '/admin/figures/new'}>Add a figure</Link></p>
      <form className="filters" method="get" role="search" aria-label="Filter figures">
        <div className="field">
          <label htmlFor="f-event">Event</label>
          <select id="f-event" name="event" defaultValue={f.event ?? ''}>
            <option value="">All events</option>
            {options.events.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-metric">Metric</label>
          <select id="f-metric" name="metric" defaultValue={f.metric ?? ''}>
            <option value="">All metrics</option>
            {options.metrics.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">Status</label>
          <select id="f-status" name="status" defaultValue={f.status ?? ''}>
            <option value="">Any</option>
            <option value="published">Published</option>
            <option value="retracted">Retracted</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-q">Search source and note</label>
          <input id="f-q" name="q" type="search" defaultValue={f.q ?? ''} />
        </div>
        <button type="submit">Filter</button>
        <Link href="/admin/figures">Clear</Link>
      </form>
      <NoticeList notices={notices} />
      <p role="status">{total.toLocaleString('en-US')} figure{total === 1 ? '' : 's'}{pages > 1 ? `, page ${f.page} of ${pages}` : ''}</p>
      <div className="table-wrap">
        {/* On a phone, one block per figure, each cell under its column's name (globals.css, reflow). */}
        <table className="reflow labelled">
          <caption>Figures, most recently reported first</caption>
          <thead>
            <tr>
              <th scope="col">#</th><th scope="col">Event</th><th scope="col">Metric</th><th scope="col">Group and place</th>
              <th scope="col" className="num">Figure</th><th scope="col">Reported on</th><th scope="col">Source</th><th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-figure-id={r.id}>
                <td data-label="Figure #"><Link href={`/admin/figures/${r.id}`} aria-label={`Edit figure ${r.id}`}>{r.id}</Link></td>
                <td data-label="Event">{r.eventName}</td>
                <td data-label="Metric">{r.metricLabel}</td>
                <td data-label="Group and place">{describeScope(r.group, r.location)}</td>
                <td data-label="Figure" className="num">{formatFigureWithUnit(r)}</td>
                <td data-label="Reported on"><time dateTime={r.reportedOn}>{formatDate(r.reportedOn)}</time></td>
                <td data-label="Source">{r.reportingBody}{r.sourceLabel !== r.reportingBody ? <div className="muted">{r.sourceLabel}</div> : null}</td>
                <td data-label="Status">{r.status === 'retracted' ? <span className="status-retracted">retracted</span> : 'published'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages">
        {f.page > 1 ? <Link href={pageHref(f, f.page - 1)} rel="prev">Previous page</Link> : null}
        {f.page < pages ? <Link href={pageHref(f, f.page + 1)} rel="next">Next page</Link> : null}
      </nav>
    </>
  );
}
