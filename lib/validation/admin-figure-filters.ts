import { z } from 'zod';
import { FIGURE_STATUSES } from '@/db/schema';

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
// A filter from the URL that does not parse is dropped, not an error: the list still shows.
const optionalId = z.preprocess(first, z.coerce.number().int().positive().optional()).catch(undefined);

/** The admin figure list's filters, read from the URL so every view has a link. */
export const figureFiltersSchema = z.object({
  event: optionalId,
  metric: optionalId,
  status: z.preprocess(first, z.enum(FIGURE_STATUSES).optional()).catch(undefined),
  q: z.preprocess(first, z.string().trim().max(200).optional()).catch(undefined).transform((s) => s || undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1),
});

export type FigureFiltersInput = z.output<typeof figureFiltersSchema>;
