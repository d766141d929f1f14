import { z } from 'zod';
import { count, LIMITS, optionalLongText, pastDate, qualifier, requiredText } from './fields';

/**
 * What a figure says, whoever enters it: the rules that make it a number a person can read.
 * The form, the import and the API each add how they name the event, metric and source.
 */
export const figureValueShape = {
  group: requiredText(LIMITS.short, 'the group counted, like "all" or "civilians"'),
  location: requiredText(LIMITS.short, 'the place the figure covers'),
  qualifier,
  valueLow: count,
  valueBest: count,
  valueHigh: count,
  unit: requiredText(40, 'the unit, like people or KZT'),
  reportedOn: pastDate,
  quote: optionalLongText(LIMITS.quote),
  note: optionalLongText(LIMITS.note),
};

type FigureValues = {
  qualifier: string;
  valueLow: number | null;
  valueBest: number | null;
  valueHigh: number | null;
};

type ValueField = 'qualifier' | 'valueLow' | 'valueBest' | 'valueHigh';

/** The qualifiers a range may take: "more than 225–238" says nothing a reader can use. */
export const RANGE_QUALIFIERS: readonly string[] = ['exact', 'about'];
export const RANGE_QUALIFIER_MESSAGE =
  'A range already gives its low and high: choose the qualifier "exact" or "about" for it, or give one number instead of the range.';
export type FigureValueIssue = { field: ValueField; message: string };
const LOW_ABOVE_HIGH = 'Low must not be greater than high.';

/** The rules between the numbers: which must be given together and in which order. */
export function figureValueIssues(v: FigureValues): FigureValueIssue[] {
  // No helper closure made per call: the import runs these rules once a row, and under tsx (the
  // command line) each closure made is also named by esbuild's __name, a third of the import's
  // validation time.
  const issues: FigureValueIssue[] = [];
  if (v.qualifier === 'unknown') {
    if (v.valueBest !== null) issues.push({ field: 'valueBest', message: 'Leave the number empty when the qualifier is "unknown", or choose another qualifier.' });
    if (v.valueLow !== null) issues.push({ field: 'valueLow', message: 'Leave low empty when the qualifier is "unknown".' });
    if (v.valueHigh !== null) issues.push({ field: 'valueHigh', message: 'Leave high empty when the qualifier is "unknown".' });
  } else if ((v.valueLow === null) !== (v.valueHigh === null)) {
    issues.push({ field: v.valueLow === null ? 'valueLow' : 'valueHigh', message: 'Give both low and high for a range, or neither.' });
  } else if (v.valueBest === null && v.valueLow === null) {
    issues.push({ field: 'valueBest', message: 'Enter the number, or a low and a high for a range, or choose the qualifier "unknown".' });
  } else if (v.valueLow !== null && v.valueHigh !== null) {
    if (v.valueLow > v.valueHigh) issues.push({ field: 'valueLow', message: LOW_ABOVE_HIGH });
    else if (v.valueBest !== null && v.valueLow > v.valueBest) issues.push({ field: 'valueLow', message: 'Low must not be greater than best.' });
    else if (v.valueBest !== null && v.valueBest > v.valueHigh) issues.push({ field: 'valueHigh', message: 'High must not be less than best.' });
    if (!RANGE_QUALIFIERS.includes(v.qualifier)) issues.push({ field: 'qualifier', message: RANGE_QUALIFIER_MESSAGE });
  }
  return issues;
}

const valueFields = z.object({ qualifier, valueLow: count, valueBest: count, valueHigh: count });

/**
 * The rules between the numbers that the fields as sent let us check: all of figureValueIssues
 * when the four fields are valid; otherwise the one that needs only low and high. An editor who
 * mistyped the best number of a range given high to low learns of both at once, not of the range
 * only after correcting the number.
 */
export function checkableValueIssues(sent: { qualifier: unknown; valueLow: unknown; valueBest: unknown; valueHigh: unknown }): FigureValueIssue[] {
  const all = valueFields.safeParse(sent);
  if (all.success) return figureValueIssues(all.data);
  if (sent.qualifier === 'unknown') return [];
  const low = count.safeParse(sent.valueLow);
  const high = count.safeParse(sent.valueHigh);
  if (!low.success || !high.success || low.data === null || high.data === null || low.data <= high.data) return [];
  return [{ field: 'valueLow', message: LOW_ABOVE_HIGH }];
}

export type FigureValueInput = z.output<z.ZodObject<typeof figureValueShape>>;

/**
 * A figure is counted in its metric's unit: a series that mixed units (KZT and people) could not
 * be ranged, compared or charted, and its card would put them in one sentence. Null when it fits;
 * otherwise what to do, said the same by the form and the import.
 */
export function unitMismatch(unit: string, metric: { label: string; unit: string }): string | null {
  if (unit === metric.unit) return null;
  return `${metric.label} is counted in ${metric.unit}, not “${unit}”: give the figure in ${metric.unit} (say in the note if you converted it), or choose another metric.`;
}
