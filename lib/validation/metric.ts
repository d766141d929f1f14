import { z } from 'zod';
import { LIMITS, metricKey, requiredText } from './fields';

/** A metric: what is counted, in which unit, and its HXL hashtag for humanitarian tools. */
export const metricSchema = z.object({
  key: metricKey,
  label: requiredText(LIMITS.short, 'a label'),
  unit: requiredText(40, 'the unit'),
  hxlTag: z.string().trim().regex(/^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/, { message: 'Use an HXL hashtag such as #affected+killed.' }),
  sortOrder: z.number().int().min(0).default(0),
});

export type MetricInput = z.output<typeof metricSchema>;
