import { z } from 'zod';
import { FIGURE_STATUSES } from '@/db/schema';
import { checkableValueIssues, figureValueIssues, figureValueShape } from './figure';
import { isoDate, LIMITS, metricKey, optionalText, optionalUrl, requiredText, slug } from './fields';

const COLUMN_OF_FIELD = { qualifier: 'qualifier', valueLow: 'value_low', valueBest: 'value_best', valueHigh: 'value_high' } as const;

/** The rule of each column on its own; a cell's result depends on nothing but the cell. */
export const importRowShape = {
  event_slug: slug,
  metric: metricKey,
  group: figureValueShape.group,
  location: figureValueShape.location,
  qualifier: figureValueShape.qualifier,
  value_low: figureValueShape.valueLow,
  value_best: figureValueShape.valueBest,
  value_high: figureValueShape.valueHigh,
  unit: figureValueShape.unit,
  reported_on: figureValueShape.reportedOn,
  reporting_body: requiredText(LIMITS.short, 'who announced the figure'),
  publisher: optionalText(LIMITS.short),
  source_title: optionalText(LIMITS.title),
  source_url: optionalUrl,
  quote: figureValueShape.quote,
  note: figureValueShape.note,
  // An empty cell means published; a union with '' would hide the enum's message behind
  // "Invalid input", so the empty cell is turned into "not given" first.
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(FIGURE_STATUSES, { error: 'Use published or retracted.' }).optional()),
  retraction_reason: optionalText(LIMITS.note),
  // The date of the source, when it is not the figure's own (an editor moved the figure's date):
  // the export writes it, so that a file imported back finds the same source. Empty: reported_on.
  source_published_on: z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional()),
};

// The rules between columns run whenever the columns they read are valid, even if others are
// not, so that one pass reports every problem of a row.
const crossColumns = z.object({
  qualifier: importRowShape.qualifier, value_low: importRowShape.value_low, value_best: importRowShape.value_best,
  value_high: importRowShape.value_high, status: importRowShape.status, retraction_reason: importRowShape.retraction_reason,
});

type ColumnValues = z.output<z.ZodObject<typeof importRowShape>>;
export type ImportRowIssue = { column: 'retraction_reason' | 'qualifier' | 'value_low' | 'value_best' | 'value_high'; message: string };

/**
 * The rules between columns of a row whose columns are each valid, in the order they are
 * reported. importRowSchema runs them, and so does the importer's per-column validator.
 */
export function importRowIssues(row: ColumnValues): ImportRowIssue[] {
  const issues: ImportRowIssue[] = [];
  if (row.status === 'retracted' && !row.retraction_reason) {
    issues.push({ column: 'retraction_reason', message: 'Give the reason a retracted figure was retracted.' });
  }
  if (row.status !== 'retracted' && row.retraction_reason) {
    issues.push({ column: 'retraction_reason', message: 'Only a retracted figure has a retraction reason.' });
  }
  const values = { qualifier: row.qualifier, valueLow: row.value_low, valueBest: row.value_best, valueHigh: row.value_high };
  for (const { field, message } of figureValueIssues(values)) issues.push({ column: COLUMN_OF_FIELD[field], message });
  return issues;
}

/**
 * One CSV row of an import, named by its columns. The figure rules are the same as the admin
 * form's (figureValueShape, figureValueIssues); only the way the event, metric and source are
 * named differs: by slug, key and the source's own fields rather than by id.
 */
export const importRowSchema = z
  .object(importRowShape)
  .superRefine((row, ctx) => {
    if (crossColumns.safeParse(row).success) {
      for (const { column, message } of importRowIssues(row)) ctx.addIssue({ code: 'custom', path: [column], message });
      return;
    }
    // Some column those rules read is not valid: the rules between the numbers that the valid ones let us check.
    const values = { qualifier: row.qualifier, valueLow: row.value_low, valueBest: row.value_best, valueHigh: row.value_high };
    for (const { field, message } of checkableValueIssues(values)) ctx.addIssue({ code: 'custom', path: [COLUMN_OF_FIELD[field]], message });
  }, { when: (payload) => typeof payload.value === 'object' && payload.value !== null });

export type ImportRow = z.output<typeof importRowSchema>;
