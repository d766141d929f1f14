'use client';
import type { Event } from '@/db/schema';
import type { FormState } from '@/lib/admin-action';
import { shown, TextAreaField, TextField } from '../../ui/fields';
import { FormStatus } from '../../ui/form-status';
import { SubmitButton } from '../../ui/submit-button';
import { useAdminForm, useAnswerFor } from '../../ui/use-admin-form';

/** The form to add or edit an event. */
export function EventForm({ action, event, submitLabel, initial }: { action: (p: FormState, f: FormData) => Promise<FormState>; event?: Event; submitLabel: string; initial?: FormState }) {
  const [answer, formAction] = useAdminForm(action, initial);
  // Drawn again for each answer and each version of the event (its updatedAt); an answer for a
  // version the event has since left is dropped (useAnswerFor). Not keyed from outside: without
  // JavaScript, the page drawn after a refused save must be the same component to be given it.
  const state = useAnswerFor(answer, event?.updatedAt);
  return (
    // The status sits outside the keyed form so that it is announced, not redrawn.
    <div className="admin-form">
      <FormStatus state={state} />
      <form key={`${event?.updatedAt ?? ''}.${state.key}`} action={formAction} className="stack" noValidate>
        {event ? <input type="hidden" name="id" value={event.id} /> : null}
        {event ? <input type="hidden" name="updatedAt" value={shown(state, 'updatedAt', event.updatedAt)} /> : null}
        <TextField name="name" label="Name" state={state} defaultValue={event?.name} required />
        <TextField name="slug" label="Slug" hint="The event’s address: lower-case letters, digits and hyphens, like kazakhstan-2022-unrest. Changing it moves the page; the old address then leads to the new one." state={state} defaultValue={event?.slug} required />
        <TextField name="country" label="Country" state={state} defaultValue={event?.country} required />
        <div className="row">
          <TextField name="startDate" label="Start date" hint="YYYY-MM-DD" state={state} defaultValue={event?.startDate} required />
          <TextField name="endDate" label="End date" hint="Empty while ongoing." state={state} defaultValue={event?.endDate} />
        </div>
        <TextAreaField name="description" label="Description" rows={4} state={state} defaultValue={event?.description} />
        <p><SubmitButton>{submitLabel}</SubmitButton></p>
      </form>
    </div>
  );
}
