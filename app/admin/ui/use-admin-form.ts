'use client';
import { useActionState } from 'react';
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
 */
export function useAdminForm(action: Action): [FormState, (formData: FormData) => void, boolean] {
  return useActionState<FormState, FormData>(action, IDLE_STATE);
}
