import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/index';
import { listEvents } from '@/db/queries/events';
import { requireAdmin } from '@/lib/auth/session';
import { formatDate } from '@/lib/wording';

export const metadata: Metadata = { title: 'Events' };

export default async function EventsPage() {
  await requireAdmin();
  const events = listEvents(getDb());
  return (
    <>
      <h1>Events</h1>
      <p><Link className="button" href="/admin/events/new">Add an event</Link></p>
      <ul className="event-list">
        {events.map((e) => (
          <li key={e.id}>
            <Link href={`/admin/events/${e.id}`}>{e.name}</Link> <span className="muted">/events/{e.slug}</span>
            <div className="muted">{e.country}, {formatDate(e.startDate)}{e.endDate ? ` – ${formatDate(e.endDate)}` : ' – ongoing'}</div>
          </li>
        ))}
      </ul>
    </>
  );
}
