'use client';
import { useState, useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * A button that copies `text` to the clipboard, and says so. It appears only where the page's
 * JavaScript runs and the browser offers a clipboard (a secure page); without them the text it
 * copies stays on the page to select by hand.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const canCopy = useSyncExternalStore(never, () => Boolean(navigator.clipboard?.writeText), () => false);
  const [said, setSaid] = useState('');
  if (!canCopy) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid('Copied.');
    } catch {
      setSaid('Could not copy: select the text and copy it.');
    }
  };
  return (
    <p className="copy">
      <button type="button" onClick={copy}>{label}</button> <span role="status">{said}</span>
    </p>
  );
}
