'use client';
import { useCallback, useSyncExternalStore } from 'react';

/** Whether a media query matches now, followed as it changes (a phone turned, a window resized). */
export function useMediaQuery(query: string): boolean {
  // The same function while the query is the same, so React keeps one listener across renders.
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    // The charts draw in the browser only; the server's answer is never shown.
    () => false,
  );
}
