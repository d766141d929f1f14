import type { Qualifier } from '@/db/schema';
import { fnv1a } from './fnv1a';
import { formatDate, formatFigureWithBest, formatNumber } from './wording';

/**
 * How far a new number may be from its series' neighbouring reports before the form asks the
 * editor to check it: a tenfold jump is almost always a typing error (a digit too many, 2300 for
 * 230; a sum in thousands typed in units), and a real one is rare enough to be confirmed by hand.
 */
export const UNUSUAL_FACTOR = 10;

/** A number as entered or stored: the qualifier and the values that word it. */
export type ReportedAmount = {
  qualifier: Qualifier;
  valueLow: number | null;
  valueBest: number | null;
  valueHigh: number | null;
  unit: string;
};

/**
 * A published report of the same series, as the warning names it: who reported it and where it
 * was published (as the public page names them); `line` when it is a row of a file being imported.
 */
export type NeighbourReport = ReportedAmount & { id: number; reportedOn: string; reportingBody: string; publisher: string; line?: number | null };

/** The figure being edited as it is saved: compared with when its series has no other report. */
export type SavedReport = ReportedAmount & { id: number; revision: number };

/** The series' published reports with a number next to a report, in the order of date and then entry: the one just before it and the one just after it. */
export type Neighbours = { before: NeighbourReport | null; after: NeighbourReport | null };

/**
 * Why a number is unusual: the words, and the report they compare it with (the form links to it);
 * its line when that report is a row of the file being imported (a dry run's new figures have no id kept).
 */
export type UnusualReason = { text: string; figureId: number; line?: number };

/** What the form shows when a number is unusual, and the key a confirmation must send back. */
export type UnusualNumber = { reasons: UnusualReason[]; key: string };

/** What the form says when it asks about an unusual number instead of saving it. */
export const UNUSUAL_MESSAGE =
  'Not saved yet: check the number. It is far from the reports next to it in this series (listed under the numbers). If it is right, tick “The number is right” and save again; if not, correct it.';

/** The same, when the form confirmed a warning but what it warned of has changed since (the number, or a neighbour). */
export const UNUSUAL_CHANGED_MESSAGE =
  'Not saved yet: the number, or the reports next to it, changed after you confirmed it, so check it again (listed under the numbers). If it is right, tick “The number is right” and save again; if not, correct it.';

/**
 * The one number a report stands for, as the timeline places it: its best estimate, else the middle
 * of its range (rounded); null when it has none (being determined).
 */
export function amountOf(r: ReportedAmount): number | null {
  if (r.qualifier === 'unknown') return null;
  if (r.valueBest !== null) return r.valueBest;
  if (r.valueLow !== null && r.valueHigh !== null) return Math.round((r.valueLow + r.valueHigh) / 2);
  return null;
}

/**
 * How many times larger the larger of two amounts is than the smaller. Zero is taken as one, so
 * that "0 deaths" followed by 5 is not a jump but 0 after 225 is.
 */
export function factorBetween(a: number, b: number): number {
  const [small, large] = a <= b ? [a, b] : [b, a];
  return Math.max(large, 1) / Math.max(small, 1);
}

function times(factor: number): string {
  return factor >= 100 ? formatNumber(Math.round(factor), 'people') : String(Math.round(factor * 10) / 10);
}

function compared(entered: ReportedAmount, value: number, other: NeighbourReport, which: 'before' | 'after'): UnusualReason | null {
  const theirs = amountOf(other);
  if (theirs === null) return null;
  const factor = factorBetween(value, theirs);
  if (factor < UNUSUAL_FACTOR) return null;
  const relation = value > theirs ? `${times(factor)} times` : `${times(factor)} times smaller than`;
  const where = which === 'before' ? 'the last report before it' : 'the next report after it';
  const by = ` by ${other.reportingBody}${other.publisher && other.publisher !== other.reportingBody ? `, published by ${other.publisher}` : ''}`;
  const text = `${formatFigureWithBest(entered)} is ${relation} ${where} in this series: ${formatFigureWithBest(other)}, reported ${formatDate(other.reportedOn)}${by}`;
  return other.line ? { text, figureId: other.id, line: other.line } : { text, figureId: other.id };
}

/** The figure being edited, alone in its series, against its own saved number. */
function comparedWithSaved(entered: ReportedAmount, value: number, saved: SavedReport): UnusualReason | null {
  const theirs = amountOf(saved);
  if (theirs === null) return null;
  const factor = factorBetween(value, theirs);
  if (factor < UNUSUAL_FACTOR) return null;
  const relation = value > theirs ? `${times(factor)} times` : `${times(factor)} times smaller than`;
  return { text: `${formatFigureWithBest(entered)} is ${relation} this figure's number as saved (revision ${saved.revision}), the only report in this series: ${formatFigureWithBest(saved)}`, figureId: saved.id };
}

/**
 * What is unusual about a number against its series' neighbouring reports: a reason for each
 * neighbour it is at least UNUSUAL_FACTOR times larger or smaller than, or null when nothing is
 * (or it has no number). An edited figure (`saved`) that has no neighbour is compared with its own
 * saved number instead: a slip in the only report of a series is the likeliest of all; with a
 * neighbour, that report is the better measure (a typing error corrected is far from its saved
 * number, rightly). The key is the reasons' hash: a confirmation sent with it saves this number;
 * change the number (or a new neighbour arrive) and the reasons, and the key, change.
 */
export function unusualNumber(entered: ReportedAmount, neighbours: Neighbours, saved?: SavedReport): UnusualNumber | null {
  const value = amountOf(entered);
  if (value === null) return null;
  const alone = !neighbours.before && !neighbours.after;
  const reasons = [
    neighbours.before && compared(entered, value, neighbours.before, 'before'),
    neighbours.after && compared(entered, value, neighbours.after, 'after'),
    alone && saved ? comparedWithSaved(entered, value, saved) : null,
  ].filter((r): r is UnusualReason => Boolean(r));
  return reasons.length ? { reasons, key: fnv1a(reasons.map(reasonText).join('\n')) } : null;
}

/** The parts of a figure the check reads: a change to any of them may make its number unusual. */
export type CheckedParts = ReportedAmount & { eventId: number; metricId: number; group: string; location: string; reportedOn: string };

const CHECKED: ReadonlyArray<keyof CheckedParts> = ['eventId', 'metricId', 'group', 'location', 'reportedOn', 'qualifier', 'valueLow', 'valueBest', 'valueHigh', 'unit'];

/**
 * Whether an edit changes what the check reads. An edit that does not (a note, a quote, a source)
 * is not asked about a number that was saved before, confirmed or not.
 */
export function changesCheckedParts(stored: CheckedParts, edited: CheckedParts): boolean {
  return CHECKED.some((part) => stored[part] !== edited[part]);
}

/** A reason as one line of text: "2,300 is 10 times … by Interfax (figure #8).", or "(line 12 of this file)." */
export function reasonText(r: UnusualReason): string {
  return r.line ? `${r.text} (line ${r.line} of this file).` : `${r.text} (figure #${r.figureId}).`;
}

/**
 * How a confirmed warning is told with its save, in the figure's histories and the event's feed:
 * the lead ("Saved after a check of the number:") and the rest (the warning's words, which end
 * with a full stop, then that an editor, unnamed, confirmed it).
 */
export function confirmedWarningWords(warning: string): { lead: string; rest: string } {
  return { lead: 'Saved after a check of the number:', rest: `${warning} An editor confirmed it was right.` };
}

/** Whether a save must stop to ask: the number is unusual and the form did not confirm these very reasons. */
export function awaitsConfirmation(unusual: UnusualNumber | null, confirmed: string | undefined): boolean {
  return unusual !== null && confirmed !== unusual.key;
}
