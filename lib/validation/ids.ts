import { z } from 'zod';

/** A row id chosen in a form (a select's value): a positive whole number, or `message`. */
export const rowId = (message: string) =>
  z.unknown().transform((input, ctx): number => {
    const s = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
    const n = /^[1-9]\d{0,15}$/.test(s) ? Number(s) : NaN;
    if (!Number.isSafeInteger(n)) {
      ctx.issues.push({ code: 'custom', input, message });
      return z.NEVER;
    }
    return n;
  });

/** The revision a form was built from. */
export const revision = rowId('The form is missing its revision; reload the page and try again.');

/** The record an edit form is about. */
export const recordId = rowId('The form is missing its record; reload the page.');

/**
 * The version of a catalogue record (an event's or a source's `updatedAt`) an edit form was built
 * from: a save is refused when the record has changed since.
 */
export const seenVersion = z
  .unknown()
  .transform((input, ctx): string => {
    // Any stored text: a record written outside the app may hold its time in another format.
    if (typeof input === 'string' && input !== '' && input.length <= 40) return input;
    ctx.issues.push({ code: 'custom', input, message: 'The form is missing the version it was opened at; reload the page and try again.' });
    return z.NEVER;
  });
