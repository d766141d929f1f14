'use client';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

const never = () => () => {};
const SAID_FOR_MS = 5000;

/**
 * A button that copies `text` to the clipboard, and says so. It appears only where the page's
 * JavaScript runs and the browser offers a clipboard (a secure page); without them the text it
 * copies stays on the page to select by hand.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const canCopy = useSyncExternalStore(never, () => Boolean(navigator.clipboard?.writeText), () => false);
  const [said, setSaid] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  if (!canCopy) return null;
  // Emptied first, so that a second copy is announced again; a success is gone after a few seconds.
  const say = (words: string, lasting: boolean) => {
    clearTimeout(timer.current);
    setSaid('');
    timer.current = setTimeout(() => {
      setSaid(words);
      if (!lasting) timer.current = setTimeout(() => setSaid(''), SAID_FOR_MS);
    }, 100);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      say('Copied.', false);
    } catch {
      say('Could not copy: select the text and copy it.', true);
    }
  };
  return (
    <p className="copy">
      <button type="button" onClick={copy}>{label}</button> <span role="status">{said}</span>
    </p>
  );
}
