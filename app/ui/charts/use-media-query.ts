'use client';
import { useSyncExternalStore } from 'react';

/** Whether a media query matches now, followed as it changes (a phone turned, a window resized). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    // The charts draw in the browser only; the server's answer is never shown.
    () => false,
  );
}
