import { getDb } from '@/db/index';
import { listFigurePage } from '@/db/queries/figure-export';
import { errorResponse, unknownCatalogErrors, unlessDatabaseBusy } from '@/lib/api/responses';
import { toFigureJson } from '@/lib/api/figure-json';
import { encodeCursor, parseJsonQuery } from '@/lib/validation/figure-filters';

export const dynamic = 'force-dynamic';

/**
 * GET /api/figures — the figures matching the query, a page at a time:
 * `{ data: [...], nextCursor, limit }`; pass `nextCursor` as `cursor` for the next page
 * (null on the last). Errors are JSON: 400 for a bad parameter, 404 for an unknown event or metric.
 */
export function GET(request: Request): Response {
  const query = parseJsonQuery(new URL(request.url).searchParams);
  if (!query.ok) return errorResponse(400, query.errors);
  const { cursor, limit, ...filters } = query.value;
  return unlessDatabaseBusy(() => {
    const db = getDb();
    const unknown = unknownCatalogErrors(db, filters);
    if (unknown.length) return errorResponse(404, unknown);
    const page = listFigurePage(db, filters, cursor, limit);
    const last = page.rows.at(-1);
    return Response.json(
      { data: page.rows.map(toFigureJson), nextCursor: page.hasMore && last ? encodeCursor(last.figure_id, filters) : null, limit },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  });
}
