import { openFigureExportLines } from '@/db/queries/figure-export';
import type { FigureFilters } from '@/lib/validation/figure-filters';
import { CELL_SEPARATOR, csvHeader, csvRecordJoined, csvRecordValues, EXPORT_COLUMNS, hxlRow } from './csv';

// Rows encoded per pull: large enough that the per-chunk costs (encoding, the stream, the HTTP
// write) stay small next to the rows' own, small enough (about 600 KB) that memory stays flat
// however many figures there are. 200 rows a chunk spent a third of the export's time on them.
export const ROWS_PER_CHUNK = 2000;

// How long a download may take nothing (its reader not asking for more) before it is ended: the
// export's read snapshot keeps a checkpoint from resetting the database's log, which then grows
// with every write for as long as a stalled client keeps its connection open.
export const DOWNLOAD_STALL_MS = 60_000;

export type CsvStreamOptions = {
  hxl?: boolean;
  metricTag?: string;
  /** End the stream (and let go of its snapshot) when its reader takes nothing for this long. */
  stallAfterMs?: number;
};

/**
 * The CSV of the figures matching `filters`, as a byte stream read from the database only as
 * fast as the reader takes it (`pull` runs when the consumer wants more), so the header leaves
 * at once and memory does not grow with the number of rows. The database connection is closed
 * when the stream ends, fails, is cancelled or (with `stallAfterMs`) stalls.
 */
export function figureCsvStream(file: string, filters: FigureFilters, opts: CsvStreamOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let exportRows: ReturnType<typeof openFigureExportLines> | undefined;
  let stall: ReturnType<typeof setTimeout> | undefined;
  const waitForReader = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    if (opts.stallAfterMs === undefined) return;
    stall = setTimeout(() => {
      exportRows?.close();
      controller.error(new Error(`the download was ended: its reader took nothing for ${opts.stallAfterMs} ms`));
    }, opts.stallAfterMs);
    stall.unref();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        exportRows = openFigureExportLines(file, filters, CELL_SEPARATOR);
        if (exportRows.columns.join(',') !== EXPORT_COLUMNS.join(',')) {
          exportRows.close();
          throw new Error(`the export query's columns (${exportRows.columns.join(', ')}) are not EXPORT_COLUMNS`);
        }
        controller.enqueue(encoder.encode(csvHeader() + (opts.hxl ? hxlRow(opts.metricTag) : '')));
        waitForReader(controller);
      },
      pull(controller) {
        clearTimeout(stall);
        if (!exportRows) return;
        try {
          const page = exportRows.nextPage(ROWS_PER_CHUNK);
          if (!page.length) {
            exportRows.close();
            controller.close();
            return;
          }
          let chunk = '';
          for (const [id, joined] of page) chunk += csvRecordJoined(joined) ?? csvRecordValues(exportRows.cells(id));
          controller.enqueue(encoder.encode(chunk));
          waitForReader(controller);
        } catch (err) {
          exportRows.close();
          controller.error(err);
        }
      },
      cancel() {
        clearTimeout(stall);
        exportRows?.close();
      },
    },
    { highWaterMark: 1 },
  );
}
