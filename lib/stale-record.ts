import type { z } from 'zod';
import type { ChangeMade } from '@/db/queries/audit-read';
import { fieldErrors, type FormState } from './admin-action';
import { diffSnapshots, showValue } from './audit-diff';
import { mergeRecordEdit } from './merge-edit';

/**
 * The answer to an edit of an event or a source refused because someone saved the record after
 * the form was opened: what they changed, and the form holding their version with this editor's
 * edits on top (a field both changed keeps this editor's value and is marked with theirs), with
 * the version now stored, so that saving again is a choice made having seen their changes. The
 * fields merged are the schema's (each a column, under its own name), and the merged values are
 * checked by its rules: theirs and this editor's may not fit together (their end date, this
 * editor's start).
 */
export function staleRecordAnswer(
  what: 'event' | 'source',
  schema: z.ZodObject,
  refused: { current: Record<string, unknown> & { updatedAt: string }; then: Record<string, unknown> | null; changedBy: ChangeMade[] },
  mine: Record<string, unknown>,
  typed: Record<string, string>,
): FormState {
  const { current, then } = refused;
  const merged = mergeRecordEdit(Object.keys(schema.shape), then, current, mine, typed);
  const errors: Record<string, string[]> = Object.fromEntries(
    merged.both.map(({ field, theirs }) => [field, [`They changed this too, to “${showValue(field, theirs)}”. Yours is kept: save again to replace theirs, or change it.`]]),
  );
  const check = schema.safeParse(merged.values);
  if (!check.success) for (const [field, messages] of Object.entries(fieldErrors(check.error))) (errors[field] ??= []).push(...messages);
  const opened = `Not saved: someone else changed this ${what} after you opened it.`;
  const message = then
    ? `${opened} Their changes are listed below. The form now holds their version with your edits on top${merged.both.length ? '; where you both changed a field, yours is kept and the field is marked' : ''}: review it, then save again.`
    : `${opened} Its history lacks the version you opened, so their changes cannot be listed; your edits are still in the form: check the ${what} below, then save again to replace their version.`;
  return {
    status: 'error',
    message,
    changes: then ? diffSnapshots(then, current) : undefined,
    changedBy: refused.changedBy,
    errors: Object.keys(errors).length ? errors : undefined,
    values: { ...merged.values, updatedAt: current.updatedAt },
    version: current.updatedAt,
  };
}
