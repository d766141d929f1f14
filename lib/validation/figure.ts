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

type ValueField = 'valueLow' | 'valueBest' | 'valueHigh';
export type FigureValueIssue = { field: ValueField; message: string };

/** The rules between the numbers: which must be given together and in which order. */
export function figureValueIssues(v: FigureValues): FigureValueIssue[] {
  const issues: FigureValueIssue[] = [];
  const issue = (field: ValueField, message: string) => issues.push({ field, message });
  if (v.qualifier === 'unknown') {
    if (v.valueBest !== null) issue('valueBest', 'Leave the number empty when the qualifier is "unknown", or choose another qualifier.');
    if (v.valueLow !== null) issue('valueLow', 'Leave low empty when the qualifier is "unknown".');
    if (v.valueHigh !== null) issue('valueHigh', 'Leave high empty when the qualifier is "unknown".');
  } else if ((v.valueLow === null) !== (v.valueHigh === null)) {
    issue(v.valueLow === null ? 'valueLow' : 'valueHigh', 'Give both low and high for a range, or neither.');
  } else if (v.valueBest === null && v.valueLow === null) {
    issue('valueBest', 'Enter the number, or a low and a high for a range, or choose the qualifier "unknown".');
  } else if (v.valueLow !== null && v.valueHigh !== null) {
    if (v.valueLow > v.valueHigh) issue('valueLow', 'Low must not be greater than high.');
    else if (v.valueBest !== null && v.valueLow > v.valueBest) issue('valueLow', 'Low must not be greater than best.');
    else if (v.valueBest !== null && v.valueBest > v.valueHigh) issue('valueHigh', 'High must not be less than best.');
  }
  return issues;
}

export type FigureValueInput = z.output<z.ZodObject<typeof figureValueShape>>;
