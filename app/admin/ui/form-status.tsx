'use client';
import { useEffect, useRef } from 'react';
import type { FormState } from '@/lib/admin-action';
import { auditActionWord } from '@/lib/audit-action';

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The form's overall outcome, announced politely; after a refused stale save, what changed. A
 * refusal moves the keyboard focus (and the view) to the first field it marks (or, after a number
 * the form asks about, the box that confirms it: `data-answer-focus`), or to this message when
 * it marks none, so that an editor at the form's button is not left far from what to fix.
 * Without JavaScript a refusal is a new page, which would open at its top, far above a form low on
 * it (a retraction): the message is drawn with `autofocus`, which the browser follows on load
 * (the confirming box draws its own instead).
 */
export function FormStatus({ state }: { state: FormState }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const status = ref.current;
    if (state.status !== 'error' || !status) return;
    // Its own form's fields only: the status and its form share a wrapper (each form's component).
    const field = status.parentElement?.querySelector<HTMLElement>('[aria-invalid="true"], [data-answer-focus]');
    (field ?? status).focus();
  }, [state.key, state.status]);
  return (
    <div ref={ref} tabIndex={-1} autoFocus={state.status === 'error' && !state.unusual} aria-live="polite" className={state.status === 'error' ? 'form-status form-status-error' : 'form-status'} data-testid="form-status">
      {state.message ? <p>{state.message}</p> : null}
      {state.signInAgain ? (
        <p>
          <a href="/admin/login" target="_blank" rel="noopener">Sign in again in a new tab</a> (this page and what you typed stay here).
        </p>
      ) : null}
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
      {/* A figure's edit may give a reason (a retraction must); an event's or a source's edit has no reason field. */}
      {state.changedBy?.length ? (
        <ul className="changed-by" aria-label="Who changed it since you opened the form">
          {state.changedBy.map((c, i) => (
            <li key={i}>
              {capitalised(auditActionWord(c))} by {c.actor} <time dateTime={c.at}>{c.at.replace('T', ' ').slice(0, 16)} UTC</time>.{' '}
              {c.reason ? <>Reason given: “{c.reason}”</> : c.entityType === 'figure' ? <span className="muted">No reason given.</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
