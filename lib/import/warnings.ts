import type { UnusualImportRow } from '@/db/queries/import-unusual';
import { reasonText, UNUSUAL_FACTOR, unusualNumber } from '../plausibility';

/** A row imported (or, in a dry run, that would be) whose number is worth a second look; the import does not refuse it. */
export type ImportWarning = { line: number; message: string };

/**
 * The import's rows with an unusual number (db/queries/import-unusual.ts), worded and decided by
 * the figure form's own rule (lib/plausibility.ts): the same number is asked about in the form
 * and named here. A jump between two rows that are both named is named once, at the later one
 * (by date, then entry), as the form names it at the report entered last.
 */
export function unusualNumberWarnings(rows: UnusualImportRow[]): ImportWarning[] {
  const named = new Set(rows.map((r) => r.line));
  return rows.flatMap((r) => {
    const after = r.after?.line && named.has(r.after.line) ? null : r.after;
    const unusual = unusualNumber(r.entered, { before: r.before, after }, r.saved);
    return unusual ? [{ line: r.line, message: unusual.reasons.map(reasonText).join(' ') }] : [];
  });
}

/** "line 12: 2,300 is 10 times the last report before it …" */
export function formatImportWarning(w: ImportWarning): string {
  return `line ${w.line}: ${w.message}`;
}

/**
 * What precedes the list: "2 rows have an unusual number …"; a dry run's rows "would be saved
 * with" one, so that they are checked before the import.
 */
export function unusualWarningsWords(count: number, dryRun: boolean): string {
  const rows = `${count.toLocaleString('en-US')} row${count === 1 ? '' : 's'}`;
  const verb = dryRun ? `would be saved with ${count === 1 ? 'a number' : 'numbers'}` : `${count === 1 ? 'has a number' : 'have numbers'}`;
  return `Check: ${rows} ${verb} at least ${UNUSUAL_FACTOR} times larger or smaller than the published report next to ${count === 1 ? 'it' : 'them'} in ${count === 1 ? 'its' : 'their'} series (often a typing error); compare ${count === 1 ? 'it with its source' : 'them with their sources'}.`;
}
