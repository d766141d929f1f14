import { Readable } from 'node:stream';
import type { Db } from '@/db/index';
import type { Actor } from '@/db/queries/audit';
import { findUnknownReferences, writeImportRows } from '@/db/queries/import-figures';
import type { NewSource } from '@/db/queries/import-statements';
import type { ImportError } from './errors';
import { readCsvStream } from './csv-reader';
import { parseImportCsv, RowCollector, type ParseResult } from './parse';
import { unusualNumberWarnings, type ImportWarning } from './warnings';

export type ImportSummary = {
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The sources it created (a dry run: would create), so that a source made by a typo is seen. */
  newSources: NewSource[];
  errors: ImportError[];
  /** Rows written (a dry run: that would be) with a number far from their series' neighbours; none when the import failed. */
  warnings: ImportWarning[];
  dryRun: boolean;
};

/** Where a long import is: reading and checking rows, or writing them (in one transaction). */
export type ImportProgress = { phase: 'reading'; rows: number; bytes: number } | { phase: 'writing'; done: number; total: number };

export type ImportOptions = {
  dryRun?: boolean;
  onProgress?: (p: ImportProgress) => void;
  /** Leave figures that exist already exactly as they are (seeding: never undo an editor's work). */
  keepExisting?: boolean;
  /** Why, in the editor's words: kept with every audit entry the import writes. */
  reason?: string;
};

/**
 * Imports a CSV text: parse and validate every row, then write all of them in one transaction,
 * or nothing when any row has a problem. The summary lists every problem found.
 */
export function importCsvText(db: Db, text: string, actor: Actor, opts: ImportOptions = {}): ImportSummary {
  return writeParsed(db, parseImportCsv(text), actor, opts);
}

// Rows between two "reading" progress reports.
const READ_PROGRESS_EVERY = 1000;

/**
 * Imports a CSV file from a text, a Node stream or a web stream (an uploaded file's `stream()`),
 * reading it record by record so that a large file is never held whole as text. Same checks,
 * same single transaction and same summary as `importCsvText`: the command line and the admin
 * upload both call this and report the same problems.
 */
export async function importCsv(
  db: Db,
  input: string | NodeJS.ReadableStream | ReadableStream<Uint8Array>,
  actor: Actor,
  opts: ImportOptions = {},
): Promise<ImportSummary> {
  if (typeof input === 'string') return importCsvText(db, input, actor, opts);
  const source = input instanceof ReadableStream ? Readable.fromWeb(input as import('node:stream/web').ReadableStream<Uint8Array>) : input;
  const collector = new RowCollector();
  let bytes = 0;
  const onProgress = opts.onProgress;
  try {
    await readCsvStream(
      source as AsyncIterable<Uint8Array | string>,
      (record, line) => {
        collector.add(record, line);
        if (onProgress && collector.rowsRead > 0 && collector.rowsRead % READ_PROGRESS_EVERY === 0) onProgress({ phase: 'reading', rows: collector.rowsRead, bytes });
      },
      (read) => (bytes = read),
    );
  } catch (err) {
    collector.addParseError(err);
  }
  opts.onProgress?.({ phase: 'reading', rows: collector.rowsRead, bytes });
  return writeParsed(db, collector.result(), actor, opts);
}

function writeParsed(db: Db, parsed: ParseResult, actor: Actor, opts: ImportOptions): ImportSummary {
  const dryRun = Boolean(opts.dryRun);
  if (parsed.errors.length) {
    // The rows that did validate are still checked against the catalog, so the person sees
    // every problem of the file in one pass rather than one kind at a time.
    const errors = sortByPlace([...parsed.errors, ...findUnknownReferences(db, parsed.references)], parsed.columns);
    return { rowsRead: parsed.rowsRead, created: 0, updated: 0, unchanged: 0, rejected: rejectedLines(errors), newSources: [], errors, warnings: [], dryRun };
  }
  const onProgress = opts.onProgress;
  const written = writeImportRows(db, parsed.rows, actor, {
    dryRun,
    columns: new Set(parsed.columns),
    keepExisting: opts.keepExisting,
    reason: opts.reason,
    onProgress: onProgress && ((done, total) => onProgress({ phase: 'writing', done, total })),
  });
  const failed = written.errors.length > 0;
  return {
    rowsRead: parsed.rowsRead,
    created: failed ? 0 : written.created,
    updated: failed ? 0 : written.updated,
    unchanged: failed ? 0 : written.unchanged,
    rejected: rejectedLines(written.errors),
    newSources: written.newSources,
    errors: written.errors,
    warnings: failed ? [] : unusualNumberWarnings(written.unusual),
    dryRun,
  };
}

/**
 * Problems in the order a person reads the file: by line, and within a line by the column's place
 * in the header (an unknown event or metric, found after the cells were checked, takes its
 * column's place); a problem of the whole line comes first. The sort is stable.
 */
function sortByPlace(errors: ImportError[], header: string[]): ImportError[] {
  // A header cell with no name is reported by its number, counted from 1 (lib/import/parse.ts).
  const place = new Map(header.map((name, i) => [name || String(i + 1), i]));
  const columnOf = (e: ImportError) => (e.column === null ? -1 : (place.get(e.column) ?? header.length));
  return [...errors].sort((a, b) => a.line - b.line || columnOf(a) - columnOf(b));
}

function rejectedLines(errors: ImportError[]): number {
  return new Set(errors.filter((e) => e.line > 1).map((e) => e.line)).size;
}
