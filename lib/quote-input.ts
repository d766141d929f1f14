/** Characters a message shows but must not pass on: controls, and the marks that reorder text. */
// C0 and C1 controls and DEL (a terminal obeys ESC), the bidirectional overrides and isolates
// (which would show the rest of a message backwards), and halves of a surrogate pair.
const UNSHOWABLE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** How much of what a person typed a message quotes. */
export const QUOTED_LENGTH = 40;

/**
 * What a person typed or a link carried, in double quotes, for a message that says what is wrong
 * with it: its first 40 characters (then "…"), each control or reordering character shown as
 * U+FFFD, so the message reads the same in a terminal, a log and a page. Pages escape it as any text.
 */
export function quoteInput(input: string): string {
  // Enough UTF-16 units for 41 characters, emoji included, so the "…" is never missed.
  const chars = Array.from(input.slice(0, QUOTED_LENGTH * 2 + 2)).slice(0, QUOTED_LENGTH + 1);
  const shown = chars.length > QUOTED_LENGTH ? `${chars.slice(0, QUOTED_LENGTH).join('')}…` : chars.join('');
  return `"${shown.replace(UNSHOWABLE, '\uFFFD')}"`;
}
