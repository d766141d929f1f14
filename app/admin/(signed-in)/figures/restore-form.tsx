'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/admin-action';
import { TextField } from '../../ui/fields';
import { FormStatus } from '../../ui/form-status';
import { IDLE_STATE } from '../../ui/idle';
import { SubmitButton } from '../../ui/submit-button';

/**
 * Publishes a retracted figure again, or brings back the version of one audit entry, with an
 * optional public reason (as an edit has): the figure's history gives it with the change.
 */
export function RestoreForm({ action, figureId, revision, auditEntryId, label, reasonLabel }: {
  action: (p: FormState, f: FormData) => Promise<FormState>;
  figureId: number;
  revision: number;
  auditEntryId?: number;
  label: string;
  /** The reason field's label, naming what is restored (several of these forms share a page). */
  reasonLabel: string;
}) {
  const [state, formAction] = useActionState(action, IDLE_STATE);
  return (
    <form action={formAction} className="restore-form" noValidate>
      <input type="hidden" name="figureId" value={figureId} />
      <input type="hidden" name="revision" value={state.values?.revision ?? revision} />
      {auditEntryId ? <input type="hidden" name="auditEntryId" value={auditEntryId} /> : null}
      <TextField id={`restore-${auditEntryId ?? 'published'}-reason`} name="changeReason" label={reasonLabel} hint="Optional, one line, public." state={state} />
      <SubmitButton pendingText="Restoring…">{label}</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
