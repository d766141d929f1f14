'use client';
import { useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * After a navigation within the page that ends at this element's hash (the table of reports'
 * paging links), moves the keyboard focus to it, as a full page load moves the reading position
 * to a fragment: a keyboard or screen-reader user goes on from the new page's heading, not from
 * the link left under the old page's rows. Not on the first load: the browser places it then.
 */
export function FocusOnArrival({ id }: { id: string }) {
  const params = useSearchParams();
  const loaded = useRef(false);
  useEffect(() => {
    if (!loaded.current) {
      loaded.current = true;
      return;
    }
    if (window.location.hash !== `#${id}`) return;
    const target = document.getElementById(id);
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [params, id]);
  return null;
}
