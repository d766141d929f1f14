import type { Metadata } from 'next';
import { requireAdmin } from '@/lib/auth/session';
import { takeUnsent } from '@/lib/unsent-form';
import { createEventAction } from '../actions';
import { EventForm } from '../event-form';

export const metadata: Metadata = { title: 'Add an event' };

export default async function NewEventPage() {
  const user = await requireAdmin();
  const unsent = await takeUnsent(user);
  return (
    <>
      <h1>Add an event</h1>
      <EventForm action={createEventAction} submitLabel="Add event" initial={unsent['event.create']} />
    </>
  );
}
