'use client';
import type { FormState } from '@/lib/admin-action';
import { TextField } from '../../ui/fields';
import { FormStatus } from '../../ui/form-status';
import { SubmitButton } from '../../ui/submit-button';
import { useAdminForm } from '../../ui/use-admin-form';

/** Removes a source that no figure cites, with the reason kept in the history. */
export function RemoveSourceForm({ action, sourceId, initial }: { action: (p: FormState, f: FormData) => Promise<FormState>; sourceId: number; initial?: FormState }) {
  const [state, formAction] = useAdminForm(action, initial);
  return (
    <div className="admin-form">
      <FormStatus state={state} />
      <form key={state.key} action={formAction} className="stack" noValidate>
        <input type="hidden" name="id" value={sourceId} />
        <TextField name="reason" label="Reason for removing" hint="Kept in the history with the whole source." state={state} required />
        <p><SubmitButton pendingText="Removing…">Remove source</SubmitButton></p>
      </form>
    </div>
  );
}
