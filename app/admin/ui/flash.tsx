'use client';
import { useEffect, useState } from 'react';

/**
 * The outcome of the last action, carried in the address (`?saved=…`): it goes as soon as any
 * form of the page is sent, so a later refusal is never shown beside an earlier "saved". Without
 * JavaScript the page drawn as a form's answer leaves it out (answeringAForm).
 */
export function Flash({ children }: { children: React.ReactNode }) {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const hide = () => setShown(false);
    document.addEventListener('submit', hide, true);
    return () => document.removeEventListener('submit', hide, true);
  }, []);
  return shown ? (
    <p className="flash" role="status">
      {children}
    </p>
  ) : null;
}
