import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/index';
import { listAuditForEntity } from '@/db/queries/audit-read';
import { findEventById } from '@/db/queries/catalog-admin';
import { requireAdmin } from '@/lib/auth/session';
import { takeUnsent } from '@/lib/unsent-form';
import { AuditEntryView } from '../../../ui/audit-entry-view';
import { updateEventAction } from '../actions';
import { EventForm } from '../event-form';
import { answeringAForm } from '@/app/admin/ui/answering-form';
import { Flash } from '@/app/admin/ui/flash';

export const metadata: Metadata = { title: 'Edit an event' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditEventPage({ params, searchParams }: Props) {
  const user = await requireAdmin();
  const unsent = await takeUnsent(user);
  const db = getDb();
  const id = Number((await params).id);
  const event = Number.isSafeInteger(id) ? findEventById(db, id) : undefined;
  if (!event) notFound();
  const history = listAuditForEntity(db, 'event', event.id);
  return (
    <>
      <h1>Event: {event.name}</h1>
      {(await searchParams).saved && !(await answeringAForm()) ? <Flash>Event saved.</Flash> : null}
      <p><Link href={`/events/${event.slug}`}>See the public page</Link> · <Link href={`/admin/figures?event=${event.id}`}>Its figures</Link></p>
      <EventForm action={updateEventAction} event={event} submitLabel="Save changes" initial={unsent['event.update']} />
      <h2>History ({history.length})</h2>
      {history.map((e) => <AuditEntryView key={e.id} entry={e} />)}
    </>
  );
}
