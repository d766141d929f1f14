import Link from 'next/link';
import { getDb } from '@/db/index';
import { listEvents } from '@/db/queries/events';
import { formatDate } from '@/lib/wording';

export const dynamic = 'force-dynamic';

export default function HomePage() {
  const events = listEvents(getDb());
  return (
    <>
      <h1>Crises and their toll</h1>
      <p className="lede">Deaths, injuries, detentions and damage as the authorities and the press reported them, each number with its source.</p>
      <h2>Events</h2>
      {events.length === 0 ? (
        <p>No events yet.</p>
      ) : (
        <ul className="event-list">
          {events.map((e) => (
            <li key={e.id}>
              <Link href={`/events/${e.slug}`}>{e.name}</Link>
              <div className="muted">
                {e.country}, {formatDate(e.startDate)}
                {e.endDate ? ` – ${formatDate(e.endDate)}` : ' – ongoing'}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
