/**
 * Whether an edit would change nothing: each field it sets already holds that value (an empty
 * text and no value count as one). Such a save is refused rather than stored as a new revision
 * whose history says "No field changed" and whose citation moves on.
 */
export function changesNothing(set: Record<string, unknown>, current: Record<string, unknown>): boolean {
  const plain = (v: unknown) => (v === '' || v === undefined ? null : v);
  return Object.entries(set).every(([field, value]) => plain(value) === plain(current[field]));
}

/** What an editor is told when a save would change nothing. */
export const NOTHING_CHANGED = 'the form holds what is already saved; change a field first, or leave it as it is.';
