'use client';
import { FormStatus } from '../ui/form-status';
import { SubmitButton } from '../ui/submit-button';
import { useAdminForm } from '../ui/use-admin-form';
import { TextField } from '../ui/fields';
import { signIn } from './actions';

/** The sign-in form; keeps the e-mail (never the password) after a failed attempt; `next` is the admin page to go to after. */
export function SignInForm({ next }: { next: string | null }) {
  const [state, action] = useAdminForm(signIn);
  const back = state.values?.next || next;
  return (
    // The status sits outside the keyed form so that it is announced, not redrawn.
    <div className="admin-form">
      <FormStatus state={state} />
      <form key={state.key} action={action} className="stack" noValidate>
        {back ? <input type="hidden" name="next" value={back} /> : null}
        <TextField name="email" label="E-mail address" type="email" autoComplete="username" state={state} required />
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" aria-describedby="password-error" aria-invalid={state.errors?.password ? true : undefined} />
          <p id="password-error" className="field-error" aria-live="polite">{state.errors?.password?.join(' ')}</p>
        </div>
        <p><SubmitButton pendingText="Signing in…">Sign in</SubmitButton></p>
      </form>
    </div>
  );
}
