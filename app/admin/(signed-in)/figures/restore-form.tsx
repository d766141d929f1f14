'use client';
import type { FormState } from '@/lib/admin-action';
import { TextField } from '../../ui/fields';
import { FormStatus } from '../../ui/form-status';
import { SubmitButton } from '../../ui/submit-button';
import { useAdminForm, useAnswerFor } from '../../ui/use-admin-form';

/**
 * Publishes a retracted figure again, or brings back the version of one audit entry, with an
 * optional public reason (as an edit has): the figure's history gives it with the change.
 */
export function RestoreForm({ action, figureId, revision, auditEntryId, label, reasonLabel, initial }: {
  action: (p: FormState, f: FormData) => Promise<FormState>;
  figureId: number;
  revision: number;
  auditEntryId?: number;
  label: string;
  /** The reason field's label, naming what is restored (several of these forms share a page). */
  reasonLabel: string;
  /**
   * What an editor sent from a restore form of this page while signed out (lib/unsent-form.ts):
   * this form starts with it when it was this form's (the same version restored).
   */
  initial?: FormState;
}) {
  const own = initial && (initial.values?.auditEntryId ?? '') === String(auditEntryId ?? '') ? initial : undefined;
  const [answer, formAction] = useAdminForm(action, own);
  // A refused restore's answer (its revision, what was typed) is dropped once another form on the
  // page has moved the figure on, and the form is drawn again for the revision now shown.
  const state = useAnswerFor(answer, revision);
  return (
    // The status sits outside the keyed form so that it is announced, not redrawn.
    <div className="restore-form">
      <form key={`${revision}.${state.key}`} action={formAction} noValidate>
        <input type="hidden" name="figureId" value={figureId} />
        <input type="hidden" name="revision" value={state.values?.revision ?? revision} />
        {auditEntryId ? <input type="hidden" name="auditEntryId" value={auditEntryId} /> : null}
        <TextField id={`restore-${auditEntryId ?? 'published'}-reason`} name="changeReason" label={reasonLabel} hint="Optional, one line, public." state={state} />
        <SubmitButton pendingText="Restoring…">{label}</SubmitButton>
      </form>
      <FormStatus state={state} />
    </div>
  );
}
