'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/admin-action';
import { IDLE_STATE } from './idle';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * useActionState plus a key that changes with every answer. React resets a form after its action
 * runs, and a select or radio button does not pick up a new default after it is first drawn;
 * keying the fields by the answer redraws them from the values the server sent back, so what the
 * editor typed and chose is what they see.
 */
export function useAdminForm(action: Action): [FormState & { key: number }, (formData: FormData) => void] {
  const [state, formAction] = useActionState<FormState & { key: number }, FormData>(
    async (previous, formData) => ({ ...(await action(previous, formData)), key: previous.key + 1 }),
    { ...IDLE_STATE, key: 0 },
  );
  return [state, formAction];
}
