import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/index';
import { findEventBySlug } from '@/db/queries/events';
import { listFiguresForEvent } from '@/db/queries/figures';
import { FigureTable } from '@/app/ui/figure-table';
import { formatDate } from '@/lib/wording';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = findEventBySlug(getDb(), (await params).slug);
  return { title: event ? event.name : 'Event not found' };
}

export default async function EventPage({ params }: Props) {
  const db = getDb();
  const event = findEventBySlug(db, (await params).slug);
  if (!event) notFound();
  const figures = listFiguresForEvent(db, event.id);
  return (
    <>
      <h1>{event.name}</h1>
      <p className="lede">
        {event.country}, {formatDate(event.startDate)}
        {event.endDate ? ` – ${formatDate(event.endDate)}` : ' – ongoing'}. {event.description}
      </p>
      <h2 id="all-reports">All reports ({figures.length})</h2>
      <FigureTable figures={figures} caption={`Every figure reported for ${event.name}, by metric and date reported`} />
    </>
  );
}
