import 'server-only';
import type { z } from 'zod';
import type { ChangeMade } from '@/db/queries/audit-read';
import type { SessionUser } from '@/db/queries/sessions';
import type { FieldChange } from './audit-diff';
import type { UnusualNumber } from './plausibility';
import { currentAdmin, sendToSignIn, sentWithScript } from './auth/session';
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from './database-busy';
import { keepUnsent } from './unsent-form';

/** What a form's action returns to it: field errors, a message, and what was typed. */
export type FormState = {
  status: 'idle' | 'error' | 'saved';
  message?: string;
  errors?: Record<string, string[]>;
  /** What the editor typed, so the form shows it again instead of clearing it. */
  values?: Record<string, string>;
  /** After a refused stale save: what someone else changed meanwhile. */
  changes?: FieldChange[];
  /** After a refused stale save: who made those changes, when, and the reasons they gave. */
  changedBy?: ChangeMade[];
  /**
   * The number is far from its series' neighbouring reports (lib/plausibility.ts): nothing was
   * saved, and the form asks the editor to confirm it, with this key, or correct it.
   */
  unusual?: UnusualNumber;
  /** The session has ended: the form offers a link to sign in again in another tab, keeping this one. */
  signInAgain?: boolean;
  /**
   * After a refused stale save: a choice a select of the form must offer although the page's list
   * may lack it (an event, metric or source the other editor chose after this form was drawn).
   */
  choices?: Record<string, { value: string; label: string }>;
  /**
   * After a refused stale save: the revision the answer is for (the record's current one). After a
   * refused edit the page is refreshed to show that revision (its header and history), and the form
   * keeps this answer for it rather than dropping it as one given for the revision before.
   */
  version?: number | string;
  /**
   * Counts the answers the form has had (0 before the first): every answer gets the previous
   * one's key plus one, so a form keyed by it is drawn again from `values` after each answer
   * (React resets a form after its action, and a select or radio button ignores a new default
   * once drawn). It is set here, on the server, because the form passes the server action itself
   * to useActionState: only then does React render a form that posts without JavaScript.
   */
  key?: number;
};

/** The key of the answer after `previous` (see FormState.key); whatever a client sends, a small whole number. */
export function nextKey(previous: unknown): number {
  const key = typeof previous === 'object' && previous !== null ? (previous as { key?: unknown }).key : undefined;
  return typeof key === 'number' && Number.isSafeInteger(key) && key >= 0 && key < Number.MAX_SAFE_INTEGER ? key + 1 : 1;
}

/** An action's answer to a form whose last state was `previous`, with the next key. */
export function answer(previous: unknown, state: FormState): FormState & { key: number } {
  return { ...state, key: nextKey(previous) };
}

/** The text fields of a submission (files and the framework's own `$ACTION_` fields left out). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}

// The forms' hidden fields (which record, at which version): no field shows their problem, so the
// form's status says it.
const HIDDEN_FIELDS = new Set(['id', 'figureId', 'revision', 'updatedAt', 'auditEntryId']);

/** Field errors by field name from a failed parse: each field's messages, in order; a hidden field's under `_form`. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length && !HIDDEN_FIELDS.has(String(issue.path[0])) ? String(issue.path[0]) : '_form';
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/**
 * What a form sent after its editor's session ended is told. The answer keeps what was typed
 * (a redirect to sign-in would drop it): the editor signs in elsewhere and sends it again.
 */
export const SESSION_ENDED =
  'Nothing was saved: your session has ended (you signed out, it was unused for 30 minutes, or it is more than 12 hours old). What you typed is still in the form: sign in again in another tab at /admin/login, then come back and save again.';

/**
 * Wraps a form's server action so that it cannot forget either check: the session first (a
 * request without one changes nothing and learns nothing about the rules: sent with JavaScript it
 * is answered with SESSION_ENDED and the values it sent, without it it is sent to sign in, what
 * it sent kept under the name `form` for the page to put back), then the zod schema (field errors and the typed values go back to the form; nothing
 * is written). Only then does `handler` run, with the parsed input and the editor. A write
 * that could not get the database's lock in time comes back as a form error, never a crash.
 * Every answer carries the next key (see FormState.key).
 *
 * `moreErrors` adds the problems of rules that read the database (a figure's unit against its
 * metric's) to a refused parse's answer, so that one answer marks every field at fault; the
 * handler checks those rules again when it writes. A field the schema already marked keeps only
 * the schema's messages.
 */
export function adminAction<S extends z.ZodType>(
  form: string,
  schema: S,
  handler: (input: z.output<S>, user: SessionUser, values: Record<string, string>) => Promise<FormState> | FormState,
  moreErrors?: (values: Record<string, string>) => Record<string, string[]>,
): (previous: FormState, formData: FormData) => Promise<FormState & { key: number }> {
  return async (previous, formData) => {
    const user = await currentAdmin();
    const values = formValues(formData);
    if (!user) {
      // Without JavaScript the page drawn for the answer would send the browser to sign in with a
      // 307, which repeats the POST at the sign-in page (answered "Server Action unavailable"):
      // the action sends it there itself, a 303, and the sign-in page says the session has ended.
      // What was typed is kept for the editor, and the page puts it back into this form once they
      // are signed in (lib/unsent-form.ts); with JavaScript the form keeps it itself.
      if (!(await sentWithScript())) await sendToSignIn({ kept: await keepUnsent(form, values) });
      return answer(previous, { status: 'error', message: SESSION_ENDED, values, signInAgain: true });
    }
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const errors = { ...(moreErrors?.(values) ?? {}), ...fieldErrors(parsed.error) };
      return answer(previous, { status: 'error', message: 'Nothing was saved: correct the fields marked below.', errors, values });
    }
    try {
      return answer(previous, await handler(parsed.data, user, values));
    } catch (err) {
      // Another connection kept the write lock past the busy timeout: the transaction was
      // rolled back whole, so the editor gets the form back with what they typed, not a 500.
      if (isDatabaseBusy(err)) return answer(previous, { status: 'error', message: DATABASE_BUSY_MESSAGE, values });
      throw err;
    }
  };
}
