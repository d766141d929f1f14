import { z } from 'zod';
import { QUALIFIERS } from '@/db/schema';
import { quoteInput } from '@/lib/quote-input';

/**
 * Field rules shared by the admin forms, the CSV import and the JSON API. Every message here is
 * shown to a person next to the field (or after "line N, column C:"), so each says what is
 * wrong and what would be right.
 */

// C0 controls except tab/newline/carriage return, DEL, and the C1 block.
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
// Half of a UTF-16 surrogate pair without its other half: not text. SQLite stores text as UTF-8,
// where it becomes U+FFFD, so the figure read back would differ from the one accepted. Forms and
// files arrive as UTF-8 and cannot hold one, but a JSON string ("\ud83d") or a script can.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const LIMITS = { short: 200, title: 500, url: 2000, quote: 2000, note: 2000, text: 200_000 } as const;

function text(max: number, multiline: boolean) {
  return z
    .string({ error: 'Enter text.' })
    .transform((s) => s.trim())
    .check((ctx) => {
      if (ctx.value.length > max) {
        ctx.issues.push({ code: 'custom', input: ctx.value, message: `Use at most ${max.toLocaleString('en-US')} characters (this has ${ctx.value.length.toLocaleString('en-US')}).` });
      } else if ((multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).test(ctx.value)) {
        ctx.issues.push({ code: 'custom', input: ctx.value, message: multiline ? 'Remove the control characters (only line breaks and tabs are allowed).' : 'Remove the control characters and line breaks.' });
      } else if (LONE_SURROGATE.test(ctx.value)) {
        ctx.issues.push({ code: 'custom', input: ctx.value, message: 'Remove the broken character (half of an emoji or symbol); the text is not valid Unicode.' });
      }
    });
}

/** A required single-line text of at most `max` characters. */
export const requiredText = (max: number = LIMITS.short, what = 'this field') =>
  text(max, false).refine((s) => s.length > 0, { message: `Enter ${what}.` });

/** An optional single-line text; empty becomes ''. */
export const optionalText = (max: number = LIMITS.short) => text(max, false).optional().transform((s) => s ?? '');

/**
 * Why an editor made a change, in their words: optional, one line, public (the figure's history
 * gives it with the change). The same rule for an edit, a restore and an import.
 */
export const changeReason = optionalText(LIMITS.title);

/** An optional multi-line text (quotes, notes); empty becomes ''. */
export const optionalLongText = (max: number) => text(max, true).optional().transform((s) => s ?? '');

const DIGITS = /^\d+$/;
// Thousands grouped by commas (1,300) or by spaces, as Russian and Kazakh sources write them
// (1 300, with a space, a no-break space or a narrow one), the same separator throughout. A full
// stop is not one: 1.300 is a decimal in English.
const GROUPED_DIGITS = /^\d{1,3}([, \u00a0\u202f\u2009])\d{3}(\1\d{3})*$/;
const COUNT_MESSAGE = 'Enter a whole number of 0 or more, like 1300.';
/** What was given, quoted, when it is not a count: as a date's message quotes the date. */
const notACount = (given: string) => `${quoteInput(given)} is not a whole number of 0 or more; enter one like 1300.`;

/**
 * A whole number ≥ 0 up to the largest safe integer, or null when empty. Strings are read
 * strictly ("12abc", "1e3", "-0", "0x10", "1.5" and "1,30" are refused) so that no number is
 * guessed; thousands may be grouped by commas or spaces (1,300 or 1 300).
 */
export const count = z.unknown().transform((input, ctx): number | null => {
  if (input === null || input === undefined) return null;
  if (typeof input !== 'string') {
    if (typeof input === 'number' && Number.isSafeInteger(input) && input >= 0 && !Object.is(input, -0)) return input;
    // A number from a script is quoted as written (String(-0) would be "0"); anything else is not one.
    const message = typeof input === 'number' ? notACount(Object.is(input, -0) ? '-0' : String(input)) : COUNT_MESSAGE;
    ctx.issues.push({ code: 'custom', input, message });
    return z.NEVER;
  }
  const s = input.trim();
  if (s === '') return null;
  if (!DIGITS.test(s) && !GROUPED_DIGITS.test(s)) {
    ctx.issues.push({ code: 'custom', input, message: notACount(s) });
    return z.NEVER;
  }
  const digits = s.replace(/[, \u00a0\u202f\u2009]/g, '');
  if (BigInt(digits) > BigInt(Number.MAX_SAFE_INTEGER)) {
    ctx.issues.push({ code: 'custom', input, message: `${quoteInput(s)} is too large; enter a number no larger than ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')}.` });
    return z.NEVER;
  }
  return Number(digits);
});

/** Today's date as YYYY-MM-DD where the day starts first (UTC+14), so "today" is never refused. */
export function latestToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

function dateIssue(s: string): string | null {
  // Parsed as ISO text: Date.UTC reads the years 0–99 as 1900–1999, so 0001-01-01 was "not a date".
  const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : null;
  if (s === '') return 'Enter a date as YYYY-MM-DD.';
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
    return `${quoteInput(s)} is not a date; use YYYY-MM-DD, like 2022-01-11.`;
  }
  return null;
}

/**
 * The earliest date a figure or a publication may carry: a report dated earlier is a typing error
 * ("0022-01-11" for 2022), not a source, and would stretch a timeline over centuries.
 */
export const EARLIEST_REPORT_DATE = '1900-01-01';

const dateField = (allowFuture: boolean) =>
  z.string({ error: 'Enter a date as YYYY-MM-DD.' }).trim().check((ctx) => {
    const message =
      dateIssue(ctx.value) ??
      (!allowFuture && ctx.value > latestToday() ? `${ctx.value} is in the future; enter the date it was reported.` : null) ??
      (!allowFuture && ctx.value < EARLIEST_REPORT_DATE ? `${ctx.value} is before 1900; check the year.` : null);
    if (message) ctx.issues.push({ code: 'custom', input: ctx.value, message });
  });

/** A real calendar date written YYYY-MM-DD. */
export const isoDate = dateField(true);

/** A date that is not in the future, nor before 1900: figures and publications are reported, not forecast. */
export const pastDate = dateField(false);

/** An http or https URL, or '' when there is none. */
export const optionalUrl = optionalText(LIMITS.url).check((ctx) => {
  const s = ctx.value;
  if (s === '') return;
  let url: URL | null = null;
  try {
    url = new URL(s);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    ctx.issues.push({ code: 'custom', input: s, message: 'Enter a web address starting with http:// or https://.' });
  } else if (!url.hostname) {
    ctx.issues.push({ code: 'custom', input: s, message: 'Enter a web address with a host name.' });
  }
});

/** A slug for an event's address: lower-case letters, digits and hyphens. */
export const slug = z
  .string({ error: 'Enter a slug.' })
  .trim()
  .check((ctx) => {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(ctx.value) || ctx.value.length > 100) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: 'Use 1–100 lower-case letters, digits and single hyphens, like kazakhstan-2022-unrest.' });
    }
  });

/** A metric key: lower-case letters, digits and underscores. */
export const metricKey = z
  .string({ error: 'Choose a metric.' })
  .trim()
  .regex(/^[a-z0-9_]{1,60}$/, { message: 'Use a metric key such as deaths or economic_damage.' });

export const qualifier = z.enum(QUALIFIERS, {
  error: `Choose one of: ${QUALIFIERS.join(', ')}.`,
});
