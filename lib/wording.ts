import type { Qualifier } from '@/db/schema';

/** The parts of a figure that decide how it is worded. */
export type Wordable = {
  qualifier: Qualifier;
  valueLow: number | null;
  valueBest: number | null;
  valueHigh: number | null;
  unit: string;
};

const PREFIX: Record<Exclude<Qualifier, 'unknown'>, string> = {
  exact: '',
  about: 'about ',
  at_least: 'at least ',
  more_than: 'more than ',
  at_most: 'up to ',
};

const intlGrouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/**
 * A number with its thousands grouped, as Intl's en-US format writes it ("1,300"). A whole
 * number, by far the most common, is grouped here without Intl, which costs microseconds a call
 * and a page has hundreds; tests hold the two to the same text.
 */
const grouped = {
  format(value: number): string {
    if (!Number.isSafeInteger(value) || value < 0 || Object.is(value, -0)) return intlGrouped.format(value);
    const digits = String(value);
    if (digits.length <= 3) return digits;
    const head = digits.length % 3 || 3;
    let out = digits.slice(0, head);
    for (let i = head; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3);
    return out;
  },
};

const compactMoneyFormat = new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 3 });

/**
 * Money from a million up in words ("93.7 billion", "87.05 billion") when the words are the exact
 * amount, with at most three decimals; null when they would round it (999,999,999 is not "1
 * billion"), so that a sum is never worded as another than the source gave.
 */
function compactMoney(value: number): string | null {
  // The scale Intl words it in: million, billion, trillion (and no larger in English).
  const scale = 10 ** Math.min(12, Math.floor(Math.log10(value) / 3) * 3);
  return value % (scale / 1000) === 0 ? compactMoneyFormat.format(value) : null;
}

/**
 * Which side of its number a report's true figure lies when the source gave the number as a bound:
 * above it for "more than" and "at least", below it for "up to". The timeline's arrows follow it.
 */
export const BOUND_SIDE: Record<Qualifier, 'above' | 'below' | null> = { exact: null, about: null, unknown: null, more_than: 'above', at_least: 'above', at_most: 'below' };

/** A unit that is an ISO 4217 currency code (KZT, USD, ...) rather than a count of things. */
export function isCurrency(unit: string): boolean {
  return /^[A-Z]{3}$/.test(unit);
}

/**
 * A number as people read it: "1,300"; money from a million up in words when they are exact:
 * "KZT 93.7 billion", else in full: "KZT 999,999,999".
 */
export function formatNumber(value: number, unit: string): string {
  if (isCurrency(unit)) return `${unit} ${(value >= 1_000_000 && compactMoney(value)) || grouped.format(value)}`;
  return grouped.format(value);
}

/**
 * A figure worded as a person would say it: "16", "more than 1,300", "about 500", "225–238",
 * "being determined", "more than KZT 87 billion". The qualifier is data, never baked into a label.
 */
export function formatFigure(f: Wordable): string {
  const { qualifier, amount } = figureParts(f);
  return qualifier ? `${qualifier} ${amount}` : amount;
}

/**
 * A figure's words in two parts: the qualifier's ("more than", "" for none) and the amount
 * ("KZT 87 billion", "252–308", "being determined"); formatFigure joins them. A card sets the
 * amount apart so that a line breaks after the qualifier before it breaks inside the amount.
 */
export function figureParts(f: Wordable): { qualifier: string; amount: string } {
  if (f.qualifier === 'unknown') return { qualifier: '', amount: 'being determined' };
  const qualifier = PREFIX[f.qualifier].trimEnd();
  if (f.valueLow !== null && f.valueHigh !== null) {
    if (isCurrency(f.unit)) return { qualifier, amount: `${f.unit} ${moneySpan(f.valueLow, f.valueHigh, f.unit)}` };
    return { qualifier, amount: `${grouped.format(f.valueLow)}–${grouped.format(f.valueHigh)}` };
  }
  if (f.valueBest === null) return { qualifier: '', amount: 'being determined' };
  return { qualifier, amount: formatNumber(f.valueBest, f.unit) };
}

const SCALE_WORD = / (million|billion|trillion)$/;

/** Two sums of money as a range, the scale said once when both ends share it: "40–93.7 billion", "999 million–1.001 billion". */
function moneySpan(low: number, high: number, unit: string): string {
  const [from, to] = [formatNumber(low, unit).slice(unit.length + 1), formatNumber(high, unit).slice(unit.length + 1)];
  const scale = SCALE_WORD.exec(from)?.[0];
  return scale && to.endsWith(scale) ? `${from.slice(0, -scale.length)}–${to}` : `${from}–${to}`;
}

/**
 * A range's best estimate, when the source gave one, as said after the range and its unit: "best
 * estimate 230", "best estimate KZT 90 billion"; null for any other figure. The range alone
 * ("225–238") is what a chart's label or a heading says; wherever the number is read in full, this
 * follows it, since the timeline places the report at it.
 */
export function bestEstimate(f: Wordable): string | null {
  if (f.qualifier === 'unknown' || f.valueLow === null || f.valueHigh === null || f.valueBest === null) return null;
  return `best estimate ${formatNumber(f.valueBest, f.unit)}`;
}

/** A figure worded with its range's best estimate, if any: "about 225–238 (best estimate 230)". */
export function formatFigureWithBest(f: Wordable): string {
  const best = bestEstimate(f);
  return best ? `${formatFigure(f)} (${best})` : formatFigure(f);
}

/**
 * A sum of money in full, as entered, with the words the source used: "more than KZT
 * 87,000,000,000", "KZT 87,000,000,000–93,700,000,000 (best estimate KZT 90,000,000,000)". The
 * words ("93.7 billion") are exact or not used, but a number in full is what a reader checks
 * against a document.
 */
export function formatAmountInFull(f: Wordable): string {
  if (f.qualifier === 'unknown') return 'being determined';
  const prefix = PREFIX[f.qualifier];
  const full = (v: number) => `${f.unit} ${grouped.format(v)}`;
  if (f.valueLow !== null && f.valueHigh !== null) {
    const best = f.valueBest !== null ? ` (best estimate ${full(f.valueBest)})` : '';
    return `${prefix}${full(f.valueLow)}–${grouped.format(f.valueHigh)}${best}`;
  }
  return f.valueBest === null ? 'being determined' : `${prefix}${full(f.valueBest)}`;
}

/** The unit worded after a figure ("people"), or null: money carries its currency, and an unknown has no number to count. */
export function unitShown(f: Pick<Wordable, 'qualifier' | 'unit'>): string | null {
  return isCurrency(f.unit) || f.qualifier === 'unknown' ? null : f.unit;
}

/**
 * A figure with its unit, as a sentence says it: "225 people", "about KZT 93.7 billion", "being
 * determined", "225–238 people (best estimate 230)".
 */
export function formatFigureWithUnit(f: Wordable): string {
  const unit = unitShown(f);
  const best = bestEstimate(f);
  return `${formatFigure(f)}${unit ? ` ${unit}` : ''}${best ? ` (${best})` : ''}`;
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

// A page words a few hundred dates, most of them the same few days: each is formatted once.
const longDates = new Map<string, string>();
const LONG_DATES_KEPT = 10_000;

/** A YYYY-MM-DD date as "11 January 2022"; the date is a calendar day, so it is read in UTC. */
export function formatDate(isoDate: string): string {
  let worded = longDates.get(isoDate);
  if (worded === undefined) {
    worded = longDate.format(new Date(`${isoDate}T00:00:00Z`));
    if (longDates.size >= LONG_DATES_KEPT) longDates.clear();
    longDates.set(isoDate, worded);
  }
  return worded;
}

/** A group and place as a person would say them: "law enforcement, Kazakhstan". */
export function describeScope(group: string, location: string): string {
  return group === 'all' ? location : `${group}, ${location}`;
}

const count = (n: number, one: string, many: string) => `${grouped.format(n)} ${n === 1 ? one : many}`;

/**
 * The spread of a series' reports under its headline: "3 reports from 3 sources, ranging from 164 to 230;
 * the figure above is the latest." It says that the headline is the latest report, not an average
 * or a pick among disagreeing sources (a revised toll's earlier counts are in the spread), and
 * how many reports stand behind it when they all agree. Each end keeps the words of a report that
 * gave it ("from more than 400 to about 500"): a number is never stripped of its qualifier. The
 * series' other reports, retracted or giving no number, are said as not counted, so a card never
 * hides that a report was withdrawn ("…; 1 retracted report not counted; the figure above …").
 */
export function describeReportSpread(
  r: { low: number; high: number; lowQualifier: Qualifier; highQualifier: Qualifier; reports: number; sources: number },
  unit: string,
  left: { retracted: number; noNumber: number } = { retracted: 0, noNumber: 0 },
): string {
  const counted = `${count(r.reports, 'report', 'reports')} from ${count(r.sources, 'source', 'sources')}`;
  const prefix = (q: Qualifier) => (q === 'unknown' ? '' : PREFIX[q]);
  const latest = `${notCounted(left)}; the figure above is the latest.`;
  if (r.low === r.high && r.lowQualifier === r.highQualifier) {
    return `${counted}, all with the same number (${prefix(r.lowQualifier)}${formatNumber(r.low, unit)})${latest}`;
  }
  const low = `${prefix(r.lowQualifier)}${formatNumber(r.low, unit)}`;
  // The currency is named at both ends: "to about 93.7 billion" alone reads as a number of anything.
  const high = `${prefix(r.highQualifier)}${formatNumber(r.high, unit)}`;
  // Only the two ends' words are known, not every report's: said without listing them.
  if (r.low === r.high) return `${counted}, all giving ${formatNumber(r.low, unit)}, not all in the same words${latest}`;
  // "from 40 up to 50", not "from 40 to up to 50".
  const to = r.highQualifier === 'at_most' ? ` ${high}` : ` to ${high}`;
  return `${counted}, ranging from ${low}${to}${latest}`;
}

/** "; 1 retracted report and 2 giving no number not counted", or nothing when every report is counted. */
function notCounted({ retracted, noNumber }: { retracted: number; noNumber: number }): string {
  const parts = [
    retracted > 0 ? count(retracted, 'retracted report', 'retracted reports') : null,
    noNumber > 0 ? (retracted > 0 ? `${grouped.format(noNumber)} giving no number` : count(noNumber, 'report giving no number', 'reports giving no number')) : null,
  ].filter(Boolean);
  return parts.length ? `; ${parts.join(' and ')} not counted` : '';
}

/**
 * Under a headline whose count has other reports but not two published numbers to span (no
 * spread): how many reports there are, and that the others give no number, so that a card never
 * hides them ("2 reports in all; no other published report gives a number; …"). Null for a count
 * of one report. `numericCount` counts the published reports that give a number.
 */
export function describeOtherReports(s: { reportCount: number; retractedCount: number; numericCount: number }, headlineGivesNumber: boolean): string | null {
  if (s.reportCount < 2) return null;
  const all = `${count(s.reportCount, 'report', 'reports')} in all${s.retractedCount ? ` (${grouped.format(s.retractedCount)} retracted)` : ''}`;
  const others = headlineGivesNumber
    ? 'no other published report gives a number'
    : s.numericCount > 0
      ? `${count(s.numericCount, 'other published report gives', 'other published reports give')} a number`
      : 'none of those published gives a number yet';
  return `${all}; ${others}; the figure above is the latest.`;
}

/** A figure's latest change as describeRevision words it (db/queries/audit-read FigureChange is one). */
export type RevisionChange = { was?: Wordable | null; action?: 'create' | 'update' | 'retract' | 'restore' | 'remove'; wasLatest?: boolean };

/**
 * A figure edited after it was first entered, said where its number is shown: "updated here
 * 26 November 2026 (revision 2; was 225)", or null for a figure as first entered. "Here" is this
 * dashboard: the date the source reported it is shown beside it. `change.was` is the figure before
 * the latest change of its number; the number it "was" is said only when that change altered it.
 * `change.action` is the figure's latest change when known: a retraction or a restoration is said as
 * such ("restored here … (revision 3)"), and a number an earlier change altered (`wasLatest`
 * false: a later edit of the note, a retraction, a restoration) is said after it ("; corrected
 * before that, was 230"); a change that itself altered the number says it in place ("updated
 * here … (revision 2; was 225)", "restored here … (revision 3; was 239)").
 */
export function describeRevision(f: Wordable & { revision: number; updatedAt: string; status?: string }, change?: RevisionChange | null): string | null {
  if (f.revision <= 1) return null;
  const { was: previous, action, wasLatest = true } = change ?? {};
  const now = formatFigure(f);
  let was = previous ? formatFigure(previous) : null;
  if (was !== null && previous!.unit !== f.unit && !isCurrency(previous!.unit) && previous!.qualifier !== 'unknown') was += ` ${previous!.unit}`;
  const changed = was !== null && (was !== now || previous!.unit !== f.unit);
  const when = formatDate(f.updatedAt.slice(0, 10));
  // A version brought back that was itself retracted leaves the figure retracted: said so.
  const verb = action === 'retract' || (action === 'restore' && f.status === 'retracted') ? 'retracted' : action === 'restore' ? 'restored' : 'updated';
  // The number's change was an earlier one than the latest change: said apart, not as this one's.
  if (!wasLatest) return `${verb} here ${when} (revision ${f.revision})${changed ? `; corrected before that, was ${was}` : ''}`;
  return `${verb} here ${when} (revision ${f.revision}${changed ? `; was ${was}` : ''})`;
}
