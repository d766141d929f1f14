'use client';
import type { FormState } from '@/lib/admin-action';
import { TextField } from '../../ui/fields';
import { FormStatus } from '../../ui/form-status';
import { SubmitButton } from '../../ui/submit-button';
import { useAdminForm, useAnswerFor } from '../../ui/use-admin-form';

/**
 * Retracts a figure: it stays on the public page, struck through, with the reason given here. With
 * `current` (a retracted figure's reason), corrects that reason instead.
 */
export function RetractForm({ action, figureId, revision, current, initial }: {
  action: (p: FormState, f: FormData) => Promise<FormState>;
  figureId: number;
  revision: number;
  current?: string;
  /** The answer to start with: what the editor sent while signed out (lib/unsent-form.ts). */
  initial?: FormState;
}) {
  const correcting = current !== undefined;
  const [answer, formAction] = useAdminForm(action, initial);
  // Not keyed by revision from outside: without JavaScript, the page drawn after a refused
  // retraction (at the revision someone else saved) must be the same component to be given the
  // answer. An answer for a revision the figure has since left is dropped (useAnswerFor).
  const state = useAnswerFor(answer, revision);
  return (
    // The status sits outside the keyed form so that it is announced, not redrawn.
    <div className="admin-form">
      <FormStatus state={state} />
      <form key={`${revision}.${state.key}`} action={formAction} className="stack" noValidate>
        <input type="hidden" name="figureId" value={figureId} />
        <input type="hidden" name="revision" value={state.values?.revision ?? revision} />
        <TextField
          name="reason"
          label="Reason for retracting"
          hint={correcting ? 'Shown on the public page beside the figure; the reason it gave before stays in its history.' : 'Shown on the public page beside the figure.'}
          defaultValue={current}
          state={state}
          required
        />
        <p>{correcting ? <SubmitButton pendingText="Saving…">Correct the reason</SubmitButton> : <SubmitButton pendingText="Retracting…">Retract figure</SubmitButton>}</p>
      </form>
    </div>
  );
}
