import type { FormState } from './admin-action';

export type { FormState };

/** The most a kept form may hold (its text fields as JSON): far more than any admin form's fields allow. */
export const UNSENT_FORM_MAX_BYTES = 64 * 1024;

/** What the sign-in page says when a form sent after the session ended was kept. */
export const UNSENT_KEPT_NOTICE =
  'Nothing was saved, but what you typed was kept: sign in again with the same account and it will be back in the form, ready to check and save.';

/** What a form says when what its editor sent while signed out is put back into it. */
export const UNSENT_RESTORED =
  'Nothing was saved yet: your session had ended when you sent this form. What you typed is back in the form below: check it, then save again.';

/** The text fields of a kept form, or null when the stored text is not an object of strings. */
export function unsentFields(json: string): Record<string, string> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') return null;
    values[key] = value;
  }
  return values;
}

/** The answer that puts a kept form's fields back, as a refusal of the form would (key 0: before any answer of this page). */
export function restoredAnswer(values: Record<string, string>): FormState {
  return { status: 'error', message: UNSENT_RESTORED, values, key: 0 };
}
