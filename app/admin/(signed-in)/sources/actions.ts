'use server';
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { CatalogWriteError, type CatalogSave, createSource, removeSource, updateSource } from '@/db/queries/catalog-admin';
import type { Source } from '@/db/schema';
import { adminAction, type FormState } from '@/lib/admin-action';
import { actorOf } from '@/lib/auth/session';
import { staleRecordAnswer } from '@/lib/stale-record';
import { recordId, seenVersion } from '@/lib/validation/ids';
import { removeSourceSchema, sourceSchema } from '@/lib/validation/source';

function refused(err: unknown, values: Record<string, string>): FormState {
  if (err instanceof CatalogWriteError) return { status: 'error', message: `Nothing was saved: ${err.message}`, errors: err.field ? { [err.field]: [err.message] } : undefined, values };
  throw err;
}

const create = adminAction('source.create', sourceSchema, (input, user, values) => {
  let id: number;
  try {
    id = createSource(getDb(), input, actorOf(user)).id;
  } catch (err) {
    return refused(err, values);
  }
  redirect(`/admin/sources/${id}?saved=1`);
});

const update = adminAction('source.update', z.object({ id: recordId, updatedAt: seenVersion }).and(sourceSchema), (input, user, values) => {
  let result: CatalogSave<Source>;
  try {
    result = updateSource(getDb(), input.id, input.updatedAt, input, actorOf(user));
  } catch (err) {
    return refused(err, values);
  }
  if (result.status === 'stale') {
    // The page (its history) is brought to the version now stored; the form keeps its answer, given for it.
    refresh();
    return staleRecordAnswer('source', sourceSchema, result, input, values);
  }
  redirect(`/admin/sources/${input.id}?saved=1`);
});

/** Creates a source, audited. */
export async function createSourceAction(previous: FormState, formData: FormData): Promise<FormState> {
  return create(previous, formData);
}

/** Edits a source, audited; every figure citing it shows the change. */
export async function updateSourceAction(previous: FormState, formData: FormData): Promise<FormState> {
  return update(previous, formData);
}

const remove = adminAction('source.remove', removeSourceSchema, (input, user, values) => {
  try {
    removeSource(getDb(), input.id, input.reason, actorOf(user));
  } catch (err) {
    return refused(err, values);
  }
  redirect('/admin/sources?removed=1');
});

/** Removes a source no figure cites; the source and the reason stay in the history. */
export async function removeSourceAction(previous: FormState, formData: FormData): Promise<FormState> {
  return remove(previous, formData);
}
