'use client';
import { useState } from 'react';
import type { FormOptions } from '@/db/queries/figure-admin';
import type { Figure } from '@/db/schema';
import type { FormState } from '@/lib/admin-action';
import { FieldError, SelectField, shown, TextAreaField, TextField } from '../../ui/fields';
import { FormStatus } from '../../ui/form-status';
import { SubmitButton } from '../../ui/submit-button';
import { useAdminForm, useAnswerFor } from '../../ui/use-admin-form';
import { UnusualNumberCheck } from './unusual-number-check';

const QUALIFIER_OPTIONS = [
  { value: 'exact', label: 'exact — “16”' },
  { value: 'about', label: 'about — “about 500”' },
  { value: 'at_least', label: 'at least — “at least 100”' },
  { value: 'more_than', label: 'more than — “more than 1,300”' },
  { value: 'at_most', label: 'at most — “up to 9,900”' },
  { value: 'unknown', label: 'unknown — “being determined” (no number)' },
];

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  options: FormOptions;
  /** The figure being edited, or the defaults of a new one. */
  figure: Partial<Figure>;
  submitLabel: string;
  /** The answer to start with: what the editor sent while signed out (lib/unsent-form.ts). */
  initial?: FormState;
};

/** The form to add or edit a figure; shows each field's error beside it and keeps what was typed. */
export function FigureForm({ action, options, figure, submitLabel, initial }: Props) {
  const [answer, formAction] = useAdminForm(action, initial);
  // A figure is counted in its metric's unit (the save refuses another): choosing a metric fills it
  // in, and says so to a screen reader, since the change happens in another field.
  const [unitSet, setUnitSet] = useState('');
  const metricOf = new Map(options.metrics.map((m) => [String(m.id), m]));
  const followMetric = (e: React.FormEvent<HTMLFormElement>) => {
    const changed = e.target as HTMLSelectElement;
    const metric = changed.name === 'metricId' ? metricOf.get(changed.value) : undefined;
    const field = e.currentTarget.elements.namedItem('unit');
    if (!metric || !(field instanceof HTMLInputElement) || field.value === metric.unit) return;
    field.value = metric.unit;
    setUnitSet(`Unit set to ${metric.unit}, the unit of ${metric.label}.`);
  };
  const state = useAnswerFor(answer, figure.revision);
  const sourceChoice = shown(state, 'sourceChoice', figure.sourceId ? 'existing' : options.sources.length ? 'existing' : 'new');
  return (
    // The status sits outside the keyed form so that it is announced, not redrawn.
    <div className="admin-form">
      <FormStatus state={state} />
      <p className="visually-hidden" aria-live="polite" data-testid="unit-set">{unitSet}</p>
      {/*
        Redrawn for every answer of the server (state.key) and for every new revision, so it starts
        from what is now stored (an answer for an earlier revision is dropped: useAnswerFor). The
        key is the form's, not the component's: remounting the component that holds the pending
        action left its old form on the page, stuck on "Saving…", above the new one (React 19.3,
        Next 16.4, after a save that redirects to this page).
      */}
      <form key={`${figure.revision ?? 0}.${state.key}`} action={formAction} onChange={followMetric} className="stack" noValidate>
        {figure.id ? <input type="hidden" name="figureId" value={figure.id} /> : null}
        {figure.id ? <input type="hidden" name="revision" value={shown(state, 'revision', figure.revision)} /> : null}
        <div className="row">
          <SelectField name="eventId" label="Event" state={state} defaultValue={figure.eventId} options={options.events.map((e) => ({ value: e.id, label: e.name }))} blank="Choose…" required />
          <SelectField name="metricId" label="Metric" state={state} defaultValue={figure.metricId} options={options.metrics.map((m) => ({ value: m.id, label: `${m.label} (${m.unit})` }))} blank="Choose…" required />
        </div>
        <div className="row">
          <TextField name="group" label="Group" hint="Who was counted: all, civilians, law enforcement…" state={state} defaultValue={figure.group ?? 'all'} required />
          <TextField name="location" label="Location" hint="The place the figure covers." state={state} defaultValue={figure.location} required />
        </div>
        <SelectField name="qualifier" label="Qualifier" hint="How the source put it." state={state} defaultValue={figure.qualifier ?? 'exact'} options={QUALIFIER_OPTIONS} required />
        <div className="row">
          <TextField name="valueBest" label="Number (best)" hint="Whole number, e.g. 1300, 1,300 or 1 300." inputMode="numeric" state={state} defaultValue={figure.valueBest} />
          <TextField name="valueLow" label="Low" hint="Only for a range." inputMode="numeric" state={state} defaultValue={figure.valueLow} />
          <TextField name="valueHigh" label="High" hint="Only for a range." inputMode="numeric" state={state} defaultValue={figure.valueHigh} />
        </div>
        <UnusualNumberCheck unusual={state.unusual} />
        <div className="row">
          <TextField name="unit" label="Unit" hint="The metric’s unit, as in the metric list: people, vehicles, KZT…" state={state} defaultValue={figure.unit ?? 'people'} required />
          <TextField name="reportedOn" label="Reported on" hint="The date the source reported it (YYYY-MM-DD), not the date of the events." state={state} defaultValue={figure.reportedOn} required />
        </div>
        <fieldset>
          <legend>Source</legend>
          <div className="radio-row" role="radiogroup" aria-label="Source">
            <label><input type="radio" name="sourceChoice" value="existing" defaultChecked={sourceChoice === 'existing'} /> An existing source</label>
            <label><input type="radio" name="sourceChoice" value="new" defaultChecked={sourceChoice === 'new'} /> A new source</label>
          </div>
          <FieldError name="sourceChoice" state={state} />
          {/*
            Only the choice's own fields are shown (admin.css, by the radio checked: with or without
            JavaScript), so the keyboard does not pass five fields that would be ignored.
          */}
          <div className="source-existing">
            <SelectField name="sourceId" label="Existing source" state={state} defaultValue={figure.sourceId} options={options.sources.map((s) => ({ value: s.id, label: s.label }))} blank="Choose…" />
          </div>
          <div className="source-new">
            <p className="hint">The new source (used when “A new source” is chosen):</p>
            <TextField name="newSourceReportingBody" label="Reported by" hint="The body or person who announced the figure." state={state} />
            <div className="row">
              <TextField name="newSourcePublisher" label="Publisher" state={state} />
              <TextField name="newSourcePublishedOn" label="Published on" hint="YYYY-MM-DD; left empty, the Reported on date." state={state} />
            </div>
            <TextField name="newSourceTitle" label="Title" state={state} />
            <TextField name="newSourceUrl" label="Web address" hint="http:// or https:// only." type="url" inputMode="url" state={state} />
          </div>
        </fieldset>
        <TextAreaField name="quote" label="Quote" hint="The source’s words, verbatim (optional)." state={state} defaultValue={figure.quote} />
        <TextAreaField name="note" label="Note" hint="Shown on the public page (optional)." state={state} defaultValue={figure.note} />
        {figure.id ? (
          <TextField
            name="changeReason"
            label="Why this change"
            hint="Optional, one line, public: the figure's history on its page gives it with the change (e.g. “typing error: the source says 1,300”)."
            state={state}
          />
        ) : null}
        <p><SubmitButton>{submitLabel}</SubmitButton></p>
      </form>
    </div>
  );
}
