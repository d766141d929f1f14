import type { FormState } from '@/lib/admin-action';

/** `id` names the field's elements when `name` is not unique on the page (default: `name`). */
type Common = { name: string; id?: string; label: string; state: FormState; defaultValue?: string | number | null; hint?: string; required?: boolean };

/** What the field shows: what the editor typed last, or the stored value. */
export function shown(state: FormState, name: string, fallback: string | number | null | undefined): string {
  return state.values?.[name] ?? (fallback === null || fallback === undefined ? '' : String(fallback));
}

/** The field's errors, in an aria-live region so screen readers hear them after a submission. */
export function FieldError({ name, id = name, state }: { name: string; id?: string; state: FormState }) {
  const errors = state.errors?.[name];
  return (
    <p id={`${id}-error`} className="field-error" aria-live="polite">
      {errors?.join(' ')}
    </p>
  );
}

function described(name: string, id: string, state: FormState, hint?: string, required?: boolean) {
  const invalid = Boolean(state.errors?.[name]?.length);
  return {
    'aria-required': required || undefined,
    'aria-invalid': invalid || undefined,
    'aria-describedby': [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '),
  };
}

/** A labelled single-line input with its hint and error. */
export function TextField({ name, id = name, label, state, defaultValue, hint, required, type = 'text', inputMode, autoComplete }: Common & { type?: string; inputMode?: 'numeric' | 'text' | 'url'; autoComplete?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      <input id={id} name={name} type={type} inputMode={inputMode} autoComplete={autoComplete} defaultValue={shown(state, name, defaultValue)} {...described(name, id, state, hint, required)} />
      <FieldError name={name} id={id} state={state} />
    </div>
  );
}

/** A labelled multi-line input with its hint and error. */
export function TextAreaField({ name, label, state, defaultValue, hint, rows = 3 }: Common & { rows?: number }) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {hint ? <p id={`${name}-hint`} className="hint">{hint}</p> : null}
      <textarea id={name} name={name} rows={rows} defaultValue={shown(state, name, defaultValue)} {...described(name, name, state, hint)} />
      <FieldError name={name} state={state} />
    </div>
  );
}

/** A labelled select with its hint and error; `blank` adds an empty first choice. */
export function SelectField({ name, label, state, defaultValue, hint, required, options, blank }: Common & { options: Array<{ value: string | number; label: string }>; blank?: string }) {
  // A choice the answer needs that this page's list lacks (FormState.choices): offered first.
  const choice = state.choices?.[name];
  const extra = choice && !options.some((o) => String(o.value) === choice.value) ? choice : null;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {hint ? <p id={`${name}-hint`} className="hint">{hint}</p> : null}
      <select id={name} name={name} defaultValue={shown(state, name, defaultValue)} {...described(name, name, state, hint, required)}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {extra ? <option value={extra.value}>{extra.label}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
      <FieldError name={name} state={state} />
    </div>
  );
}
