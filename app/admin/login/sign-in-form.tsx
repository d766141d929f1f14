'use client';
import { useActionState } from 'react';
import { IDLE_STATE } from '../ui/idle';
import { FormStatus } from '../ui/form-status';
import { SubmitButton } from '../ui/submit-button';
import { TextField } from '../ui/fields';
import { signIn } from './actions';

/** The sign-in form; keeps the e-mail (never the password) after a failed attempt. */
export function SignInForm() {
  const [state, action] = useActionState(signIn, IDLE_STATE);
  return (
    <form action={action} className="stack" noValidate>
      <FormStatus state={state} />
      <TextField name="email" label="E-mail address" type="email" state={state} required />
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" aria-describedby="password-error" aria-invalid={state.errors?.password ? true : undefined} />
        <p id="password-error" className="field-error" aria-live="polite">{state.errors?.password?.join(' ')}</p>
      </div>
      <p><SubmitButton pendingText="Signing in…">Sign in</SubmitButton></p>
    </form>
  );
}
