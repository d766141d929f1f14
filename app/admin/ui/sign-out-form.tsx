'use client';
import { signOut } from '../login/actions';
import { SubmitButton } from './submit-button';
import { useAdminForm } from './use-admin-form';

/**
 * The navigation's Sign out button. Signing out normally leaves the page; when it could not (the
 * database was busy and the session is still live) the reason is shown beside the button.
 */
export function SignOutForm() {
  const [state, action] = useAdminForm(signOut);
  return (
    <>
      <form action={action}>
        <SubmitButton pendingText="Signing out…">Sign out</SubmitButton>
      </form>
      <p className="sign-out-status" aria-live="polite" data-testid="sign-out-status">{state.message}</p>
    </>
  );
}
