'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { CatalogWriteError, createEvent, updateEvent } from '@/db/queries/catalog-admin';
import { adminAction, type FormState } from '@/lib/admin-action';
import { actorOf } from '@/lib/auth/session';
import { eventSchema } from '@/lib/validation/event';
import { recordId } from '@/lib/validation/ids';

function refused(err: unknown, values: Record<string, string>): FormState {
  if (err instanceof CatalogWriteError) return { status: 'error', message: `Nothing was saved: ${err.message}`, errors: err.field ? { [err.field]: [err.message] } : undefined, values };
  throw err;
}

const create = adminAction(eventSchema, (input, user, values) => {
  let id: number;
  try {
    id = createEvent(getDb(), input, actorOf(user)).id;
  } catch (err) {
    return refused(err, values);
  }
  redirect(`/admin/events/${id}?saved=1`);
});

const update = adminAction(z.object({ id: recordId }).and(eventSchema), (input, user, values) => {
  try {
    updateEvent(getDb(), input.id, input, actorOf(user));
  } catch (err) {
    return refused(err, values);
  }
  redirect(`/admin/events/${input.id}?saved=1`);
});

/** Creates an event, audited. */
export async function createEventAction(previous: FormState, formData: FormData): Promise<FormState> {
  return create(previous, formData);
}

/** Edits an event, audited. */
export async function updateEventAction(previous: FormState, formData: FormData): Promise<FormState> {
  return update(previous, formData);
}
