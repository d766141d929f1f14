'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/admin-action';
import { TextField } from '../../ui/fields';
import { FormStatus } from '../../ui/form-status';
import { IDLE_STATE } from '../../ui/idle';
import { SubmitButton } from '../../ui/submit-button';

/** Retracts a figure: it stays on the public page, struck through, with the reason given here. */
export function RetractForm({ action, figureId, revision }: { action: (p: FormState, f: FormData) => Promise<FormState>; figureId: number; revision: number }) {
  const [state, formAction] = useActionState(action, IDLE_STATE);
  return (
    <form action={formAction} className="stack" noValidate>
      <input type="hidden" name="figureId" value={figureId} />
      <input type="hidden" name="revision" value={state.values?.revision ?? revision} />
      <FormStatus state={state} />
      <TextField name="reason" label="Reason for retracting" hint="Shown on the public page beside the figure." state={state} />
      <p><SubmitButton pendingText="Retracting…">Retract figure</SubmitButton></p>
    </form>
  );
}
