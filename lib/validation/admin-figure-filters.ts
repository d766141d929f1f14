import { z } from 'zod';
import { FIGURE_STATUSES } from '@/db/schema';
import { quoteInput } from '@/lib/quote-input';

type Params = Record<string, string | string[] | undefined>;

const first = <T>(v: T | T[]): T | undefined => (Array.isArray(v) ? v[0] : v);
// A filter from the URL that does not parse is dropped, not an error: the list still shows.
const optionalId = z.preprocess(first, z.coerce.number().int().positive().optional()).catch(undefined);
// Digits only ("1e3" and "0x10" are not page numbers); a page past the end is one (pageWithin).
const pageNumber = z.string().trim().regex(/^\d{1,300}$/).transform(Number).refine((n) => n >= 1);

/** The admin figure list's filters, read from the URL so every view has a link. */
export const figureFiltersSchema = z.object({
  event: optionalId,
  metric: optionalId,
  status: z.preprocess(first, z.string().trim().pipe(z.enum(FIGURE_STATUSES)).optional()).catch(undefined),
  q: z.preprocess(first, z.string().trim().max(200).optional()).catch(undefined).transform((s) => s || undefined),
  page: z.preprocess(first, pageNumber.optional()).catch(undefined).transform((n) => Math.min(n ?? 1, Number.MAX_SAFE_INTEGER)),
});

export type FigureFiltersInput = z.output<typeof figureFiltersSchema>;

/**
 * The filters of the list's address, and a sentence for each part of it the list cannot follow
 * (a status it does not know, a page that is no page number): the list shows what it can instead,
 * and says so rather than leaving the editor to wonder why it shows everything. The form's own
 * "Any" sends an empty status, which is no problem.
 */
export function readFigureFilters(params: Params): { filters: FigureFiltersInput; notices: string[] } {
  const filters = figureFiltersSchema.parse(params);
  const notices: string[] = [];
  const status = first(params.status)?.trim();
  if (status && !filters.status) {
    notices.push(`The status ${quoteInput(status)} is not one of ${FIGURE_STATUSES.join(' or ')}; figures of any status are shown.`);
  }
  const page = first(params.page)?.trim();
  if (page && !pageNumber.safeParse(page).success) notices.push(`${quoteInput(page)} is not a page number; the first page is shown.`);
  return { filters, notices };
}

/** The page to show of `pages`: the one asked for, or the last when that is past the end, with why. */
export function pageWithin(page: number, pages: number): { page: number; notice?: string } {
  if (page <= pages) return { page };
  const last = Math.max(1, pages);
  return { page: last, notice: `Page ${page.toLocaleString('en-US')} is past the end; ${last === 1 ? 'the only page' : `the last page, page ${last.toLocaleString('en-US')},`} is shown.` };
}
