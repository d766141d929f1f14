'use client';
import type { Source } from '@/db/schema';
import type { FormState } from '@/lib/admin-action';
import { shown, TextAreaField, TextField } from '../../ui/fields';
import { FormStatus } from '../../ui/form-status';
import { SubmitButton } from '../../ui/submit-button';
import { useAdminForm, useAnswerFor } from '../../ui/use-admin-form';

/** The form to add or edit a source. */
export function SourceForm({ action, source, submitLabel, initial }: { action: (p: FormState, f: FormData) => Promise<FormState>; source?: Source; submitLabel: string; initial?: FormState }) {
  const [answer, formAction] = useAdminForm(action, initial);
  // Drawn again for each answer and each version of the source (its updatedAt); an answer for a
  // version the source has since left is dropped (useAnswerFor). Not keyed from outside: without
  // JavaScript, the page drawn after a refused save must be the same component to be given it.
  const state = useAnswerFor(answer, source?.updatedAt);
  return (
    // The status sits outside the keyed form so that it is announced, not redrawn.
    <div className="admin-form">
      <FormStatus state={state} />
      <form key={`${source?.updatedAt ?? ''}.${state.key}`} action={formAction} className="stack" noValidate>
        {source ? <input type="hidden" name="id" value={source.id} /> : null}
        {source ? <input type="hidden" name="updatedAt" value={shown(state, 'updatedAt', source.updatedAt)} /> : null}
        <TextField name="reportingBody" label="Reported by" hint="The body or person who announced the figures." state={state} defaultValue={source?.reportingBody} required />
        <div className="row">
          <TextField name="publisher" label="Publisher" state={state} defaultValue={source?.publisher} />
          <TextField name="publishedOn" label="Published on" hint="YYYY-MM-DD" state={state} defaultValue={source?.publishedOn} required />
        </div>
        <TextField name="title" label="Title" state={state} defaultValue={source?.title} />
        <TextField name="url" label="Web address" hint="http:// or https:// only." type="url" state={state} defaultValue={source?.url} />
        <TextAreaField name="fullText" label="Full text" hint="Optional: the whole statement, when we hold it." rows={6} state={state} defaultValue={source?.fullText} />
        <p><SubmitButton>{submitLabel}</SubmitButton></p>
      </form>
    </div>
  );
}
