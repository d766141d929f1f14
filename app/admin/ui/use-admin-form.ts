'use client';
import { useActionState, useState } from 'react';
import type { FormState } from '@/lib/admin-action';
import { IDLE_STATE } from './idle';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * useActionState for an admin form, given the server action itself (never a function wrapping
 * it): only a server action reference lets React render a form that posts to the server and
 * shows its answer with JavaScript off, field errors and typed values included.
 *
 * React resets a form after its action runs, and a select or radio button does not pick up a new
 * default after it is first drawn; the forms are therefore keyed by `state.key`, which the
 * server sets to the previous answer's key plus one (lib/admin-action.ts), so every answer
 * redraws the fields from the values the server sent back and what the editor typed and chose is
 * what they see.
 *
 * `initial`: the answer the form starts with instead of the idle state, when the page puts back
 * what its editor sent while signed out (lib/unsent-form.ts).
 */
export function useAdminForm(action: Action, initial?: FormState): [FormState, (formData: FormData) => void, boolean] {
  return useActionState<FormState, FormData>(action, initial ?? IDLE_STATE);
}

/**
 * The server's last answer, while the record is still at the `version` it was given for; after
 * that, the idle state. A page with several forms changes the record with one (a retraction) while
 * another (the edit) holds an answer for the version before (a refused save, with what was typed
 * and its revision): drawn again, that form would send the old revision and the old typing.
 * An answer that names its version (a refused stale save, for the record's current revision, to
 * which the page is refreshed) is kept for that version, and while the page still shows an older
 * one (the refreshed page may be drawn after the answer).
 */
export function useAnswerFor(state: FormState, version: string | number | undefined): FormState {
  const [answered, setAnswered] = useState({ key: state.key, version });
  if (answered.key !== state.key) {
    // A new answer, given for the version it names, else for the version now shown (React
    // re-renders at once with this state).
    setAnswered({ key: state.key, version: state.version ?? version });
    return state;
  }
  return answerFitsShown(answered.version, version) ? state : IDLE_STATE;
}

/**
 * Whether an answer given for version `answeredFor` still belongs to the page showing `shown`:
 * the same version, or an older one the page is about to be refreshed from. A newer one means
 * the record has moved on past the answer.
 */
export function answerFitsShown(answeredFor: string | number | undefined, shown: string | number | undefined): boolean {
  // Versions are revisions (numbers) or `updatedAt` times (ISO text, which sorts as time does).
  return answeredFor === shown || (typeof answeredFor === typeof shown && shown !== undefined && answeredFor !== undefined && shown < answeredFor);
}
