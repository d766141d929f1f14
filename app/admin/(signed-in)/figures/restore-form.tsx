'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/admin-action';
import { FormStatus } from '../../ui/form-status';
import { IDLE_STATE } from '../../ui/idle';
import { SubmitButton } from '../../ui/submit-button';

/** A one-button form: publish a retracted figure again, or bring back the version of one audit entry. */
export function RestoreForm({ action, figureId, revision, auditEntryId, label }: {
  action: (p: FormState, f: FormData) => Promise<FormState>;
  figureId: number;
  revision: number;
  auditEntryId?: number;
  label: string;
}) {
  const [state, formAction] = useActionState(action, IDLE_STATE);
  return (
    <form action={formAction}>
      <input type="hidden" name="figureId" value={figureId} />
      <input type="hidden" name="revision" value={state.values?.revision ?? revision} />
      {auditEntryId ? <input type="hidden" name="auditEntryId" value={auditEntryId} /> : null}
      <SubmitButton pendingText="Restoring…">{label}</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
