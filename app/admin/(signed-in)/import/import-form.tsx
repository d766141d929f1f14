'use client';
import { useActionState, useState } from 'react';
import { importCountsWords } from '@/lib/import/summary-words';
import { isTooLarge, UPLOAD_TOO_LARGE } from '@/lib/validation/upload-limit';
import { importFiguresAction, type ImportState } from './actions';

/**
 * The upload form and what the import found, announced to screen readers as it arrives. A file
 * over the limit is refused before it is sent; `tooLarge` is that refusal when the page was sent
 * back by the server instead (a form sent without JavaScript).
 */
export function ImportForm({ tooLarge = null }: { tooLarge?: string | null }) {
  const [state, action, pending] = useActionState<ImportState, FormData>(importFiguresAction, { status: 'idle' });
  // The file chosen since the page was drawn, if any: within the limit or not.
  const [chosen, setChosen] = useState<'within' | 'over' | null>(null);
  const fileError = chosen === 'over' ? UPLOAD_TOO_LARGE : state.status !== 'idle' ? state.fileError : chosen === null ? tooLarge : null;
  return (
    <>
      <form
        action={action}
        className="admin-form"
        onSubmit={(e) => {
          if (chosen === 'over') e.preventDefault();
        }}
      >
        <div className="field">
          <label htmlFor="import-file">CSV file</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            onChange={(e) => setChosen(isTooLarge(e.currentTarget.files?.[0]?.size ?? 0) ? 'over' : 'within')}
            aria-invalid={fileError ? true : undefined}
            aria-describedby="import-file-error"
          />
          <p id="import-file-error" className="field-error" aria-live="polite">{fileError}</p>
        </div>
        <div className="field">
          <label htmlFor="import-reason">Why this import</label>
          <p id="import-reason-hint" className="hint">
            Optional, one line, public: each figure&apos;s history on its page gives it with the change the import makes (e.g. “the ministry&apos;s weekly update of 14 January”).
          </p>
          <input id="import-reason" name="reason" type="text" key={state.reason ?? ''} defaultValue={state.reason ?? ''} aria-invalid={state.reasonError ? true : undefined} aria-describedby="import-reason-hint import-reason-error" />
          <p id="import-reason-error" className="field-error" aria-live="polite">{state.reasonError}</p>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="dryRun" /> Check only (dry run): report what would change, write nothing
          </label>
        </div>
        <button type="submit" disabled={pending}>{pending ? 'Importing…' : 'Import'}</button>
      </form>
      <section aria-live="polite" aria-label="Import result" className={state.status === 'error' ? 'form-status form-status-error' : 'form-status'}>
        {state.message ? <p>{state.message}</p> : null}
        {state.counts ? (
          <p>
            {importCountsWords(state.counts, Boolean(state.dryRun))}.
          </p>
        ) : null}
        {state.warnings?.length ? (
          <div className="import-warnings">
            <p id="import-warnings-title">{state.warningsTitle}</p>
            <ol className="import-problems" aria-labelledby="import-warnings-title">
              {state.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ol>
          </div>
        ) : null}
        {state.problems?.length ? (
          <ol className="import-problems">
            {state.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ol>
        ) : null}
      </section>
    </>
  );
}
