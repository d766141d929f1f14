import type { FormState } from '@/lib/admin-action';

/** The form's overall outcome, announced politely; after a refused stale save, what changed. */
export function FormStatus({ state }: { state: FormState }) {
  return (
    <div aria-live="polite" className={state.status === 'error' ? 'form-status form-status-error' : 'form-status'} data-testid="form-status">
      {state.message ? <p>{state.message}</p> : null}
      {state.errors?._form ? <p>{state.errors._form.join(' ')}</p> : null}
      {state.changes?.length ? (
        <table className="changes">
          <caption>Changed since you opened the form</caption>
          <thead><tr><th scope="col">Field</th><th scope="col">Was</th><th scope="col">Now</th></tr></thead>
          <tbody>
            {state.changes.map((c) => (
              <tr key={c.field}><th scope="row">{c.label}</th><td>{c.before}</td><td>{c.after}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
