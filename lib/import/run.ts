import type { Db } from '@/db/index';
import type { Actor } from '@/db/queries/audit';
import { writeImportRows } from '@/db/queries/import-figures';
import type { ImportError } from './errors';
import { parseImportCsv } from './parse';

export type ImportSummary = {
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: ImportError[];
  dryRun: boolean;
};

/**
 * Imports a CSV text: parse and validate every row, then write all of them in one transaction,
 * or nothing when any row has a problem. The summary lists every problem found.
 */
export function importCsvText(db: Db, text: string, actor: Actor, opts: { dryRun?: boolean } = {}): ImportSummary {
  const parsed = parseImportCsv(text);
  const dryRun = Boolean(opts.dryRun);
  if (parsed.errors.length) {
    return { rowsRead: parsed.rowsRead, created: 0, updated: 0, unchanged: 0, rejected: rejectedLines(parsed.errors), errors: parsed.errors, dryRun };
  }
  const written = writeImportRows(db, parsed.rows, actor, { dryRun });
  const failed = written.errors.length > 0;
  return {
    rowsRead: parsed.rowsRead,
    created: failed ? 0 : written.created,
    updated: failed ? 0 : written.updated,
    unchanged: failed ? 0 : written.unchanged,
    rejected: rejectedLines(written.errors),
    errors: written.errors,
    dryRun,
  };
}

function rejectedLines(errors: ImportError[]): number {
  return new Set(errors.filter((e) => e.line > 1).map((e) => e.line)).size;
}
