import type { Metadata } from 'next';
import { requireAdmin } from '@/lib/auth/session';
import { createEventAction } from '../actions';
import { EventForm } from '../event-form';

export const metadata: Metadata = { title: 'Add an event' };

export default async function NewEventPage() {
  await requireAdmin();
  return (
    <>
      <h1>Add an event</h1>
      <EventForm action={createEventAction} submitLabel="Add event" />
    </>
  );
}
