import { databasePath, getDb } from '@/db/index';
import { metricHxlTag } from '@/db/queries/figure-export';
import { errorResponse, unknownCatalogErrors, unlessDatabaseBusy } from '@/lib/api/responses';
import { contentDisposition, exportFileName } from '@/lib/export/file-name';
import { DOWNLOAD_STALL_MS, figureCsvStream } from '@/lib/export/stream';
import { parseCsvQuery } from '@/lib/validation/figure-filters';

export const dynamic = 'force-dynamic';

/**
 * GET /api/figures.csv — the figures matching the query as a CSV download, streamed from the
 * database. Bad parameters get 400, an unknown event or metric 404, both as JSON. A download whose
 * client takes nothing for DOWNLOAD_STALL_MS is ended, letting go of its read snapshot.
 */
export function GET(request: Request): Response {
  const query = parseCsvQuery(new URL(request.url).searchParams);
  if (!query.ok) return errorResponse(400, query.errors);
  const { hxl, ...filters } = query.value;
  return unlessDatabaseBusy(() => {
    const db = getDb();
    const unknown = unknownCatalogErrors(db, filters);
    if (unknown.length) return errorResponse(404, unknown);
    const metricTag = filters.metric?.length === 1 ? metricHxlTag(db, filters.metric[0]!) : undefined;
    return new Response(figureCsvStream(databasePath(), filters, { hxl, metricTag, stallAfterMs: DOWNLOAD_STALL_MS }), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': contentDisposition(exportFileName({ ...filters, hxl })),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
