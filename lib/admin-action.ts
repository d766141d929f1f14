import 'server-only';
import type { z } from 'zod';
import type { SessionUser } from '@/db/queries/sessions';
import type { FieldChange } from './audit-diff';
import { requireAdmin } from './auth/session';
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from './database-busy';

/** What a form's action returns to it: field errors, a message, and what was typed. */
export type FormState = {
  status: 'idle' | 'error' | 'saved';
  message?: string;
  errors?: Record<string, string[]>;
  /** What the editor typed, so the form shows it again instead of clearing it. */
  values?: Record<string, string>;
  /** After a refused stale save: what someone else changed meanwhile. */
  changes?: FieldChange[];
};

/** The text fields of a submission (files and the framework's own `$ACTION_` fields left out). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}

/** Field errors by field name from a failed parse: each field's messages, in order. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_form';
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/**
 * Wraps a form's server action so that it cannot forget either check: the session first (a
 * request without one is sent to sign-in and changes nothing, and learns nothing about the
 * rules), then the zod schema (field errors and the typed values go back to the form; nothing
 * is written). Only then does `handler` run, with the parsed input and the editor. A write
 * that could not get the database's lock in time comes back as a form error, never a crash.
 */
export function adminAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.output<S>, user: SessionUser, values: Record<string, string>) => Promise<FormState> | FormState,
): (previous: FormState, formData: FormData) => Promise<FormState> {
  return async (_previous, formData) => {
    const user = await requireAdmin();
    const values = formValues(formData);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      return { status: 'error', message: 'Nothing was saved: correct the fields marked below.', errors: fieldErrors(parsed.error), values };
    }
    try {
      return await handler(parsed.data, user, values);
    } catch (err) {
      // Another connection kept the write lock past the busy timeout: the transaction was
      // rolled back whole, so the editor gets the form back with what they typed, not a 500.
      if (isDatabaseBusy(err)) return { status: 'error', message: DATABASE_BUSY_MESSAGE, values };
      throw err;
    }
  };
}
