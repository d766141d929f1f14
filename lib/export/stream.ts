import { openFigureExport } from '@/db/queries/figure-export';
import type { FigureFilters } from '@/lib/validation/figure-filters';
import { csvHeader, csvRecordValues, EXPORT_COLUMNS, hxlRow } from './csv';

// Rows encoded per pull: large enough that the per-chunk costs (encoding, the stream, the HTTP
// write) stay small next to the rows' own, small enough (about 600 KB) that memory stays flat
// however many figures there are. 200 rows a chunk spent a third of the export's time on them.
export const ROWS_PER_CHUNK = 2000;

/**
 * The CSV of the figures matching `filters`, as a byte stream read from the database only as
 * fast as the reader takes it (`pull` runs when the consumer wants more), so the header leaves
 * at once and memory does not grow with the number of rows. The database connection is closed
 * when the stream ends, fails or is cancelled.
 */
export function figureCsvStream(file: string, filters: FigureFilters, opts: { hxl?: boolean; metricTag?: string } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let exportRows: ReturnType<typeof openFigureExport> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        exportRows = openFigureExport(file, filters);
        if (exportRows.columns.join(',') !== EXPORT_COLUMNS.join(',')) {
          exportRows.close();
          throw new Error(`the export query's columns (${exportRows.columns.join(', ')}) are not EXPORT_COLUMNS`);
        }
        controller.enqueue(encoder.encode(csvHeader() + (opts.hxl ? hxlRow(opts.metricTag) : '')));
      },
      pull(controller) {
        if (!exportRows) return;
        try {
          let chunk = '';
          for (let i = 0; i < ROWS_PER_CHUNK; i++) {
            const next = exportRows.rows.next();
            if (next.done) {
              if (chunk) controller.enqueue(encoder.encode(chunk));
              exportRows.close();
              controller.close();
              return;
            }
            chunk += csvRecordValues(next.value);
          }
          controller.enqueue(encoder.encode(chunk));
        } catch (err) {
          exportRows.close();
          controller.error(err);
        }
      },
      cancel() {
        exportRows?.close();
      },
    },
    { highWaterMark: 1 },
  );
}

/** The download's file name: `<event slug or all-events>-figures-YYYY-MM-DD.csv` (UTC date). */
export function exportFileName(eventSlug: string | undefined, now: Date = new Date()): string {
  return `${eventSlug ?? 'all-events'}-figures-${now.toISOString().slice(0, 10)}.csv`;
}
