'use server';
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { CatalogWriteError, type CatalogSave, createEvent, updateEvent } from '@/db/queries/catalog-admin';
import type { Event } from '@/db/schema';
import { adminAction, type FormState } from '@/lib/admin-action';
import { actorOf } from '@/lib/auth/session';
import { eventSchema } from '@/lib/validation/event';
import { staleRecordAnswer } from '@/lib/stale-record';
import { recordId, seenVersion } from '@/lib/validation/ids';

function refused(err: unknown, values: Record<string, string>): FormState {
  if (err instanceof CatalogWriteError) return { status: 'error', message: `Nothing was saved: ${err.message}`, errors: err.field ? { [err.field]: [err.message] } : undefined, values };
  throw err;
}

const create = adminAction('event.create', eventSchema, (input, user, values) => {
  let id: number;
  try {
    id = createEvent(getDb(), input, actorOf(user)).id;
  } catch (err) {
    return refused(err, values);
  }
  redirect(`/admin/events/${id}?saved=1`);
});

const update = adminAction('event.update', z.object({ id: recordId, updatedAt: seenVersion }).and(eventSchema), (input, user, values) => {
  let result: CatalogSave<Event>;
  try {
    result = updateEvent(getDb(), input.id, input.updatedAt, input, actorOf(user));
  } catch (err) {
    return refused(err, values);
  }
  if (result.status === 'stale') {
    // The page (its history) is brought to the version now stored; the form keeps its answer, given for it.
    refresh();
    return staleRecordAnswer('event', eventSchema, result, input, values);
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
