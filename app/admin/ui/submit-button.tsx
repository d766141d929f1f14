'use client';
import { useFormStatus } from 'react-dom';

/** A submit button that says it is working and cannot be pressed twice meanwhile. */
export function SubmitButton({ children, pendingText = 'Saving…', className }: { children: React.ReactNode; pendingText?: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={className}>
      {pending ? pendingText : children}
    </button>
  );
}
