import { parse } from 'csv-parse/sync';
import { importRowSchema, type ImportRow } from '@/lib/validation/import-row';
import { IGNORED_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from './columns';
import type { ImportError } from './errors';

export type ParsedRow = { line: number; row: ImportRow };
export type ParseResult = { rows: ParsedRow[]; errors: ImportError[]; rowsRead: number };

const KNOWN = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS, ...IGNORED_COLUMNS]);

/** Checks the header row; returns the problems (an empty list when it can be read). */
export function checkHeader(header: string[]): ImportError[] {
  const errors: ImportError[] = [];
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (seen.has(name)) errors.push({ line: 1, column: name, message: `column "${name}" appears twice (again as column ${i + 1}).` });
    else if (!KNOWN.has(name)) errors.push({ line: 1, column: name || `${i + 1}`, message: `unknown column "${name}"; expected columns: ${[...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(', ')}.` });
    seen.add(name);
  });
  for (const name of REQUIRED_COLUMNS) {
    if (!seen.has(name)) errors.push({ line: 1, column: null, message: `the required column "${name}" is missing.` });
  }
  return errors;
}

/** Validates one record (its cells in header order) with the shared import schema. */
export function validateRecord(header: string[], cells: string[], line: number): { row?: ImportRow; errors: ImportError[] } {
  if (cells.length !== header.length) {
    return { errors: [{ line, column: null, message: `expected ${header.length} cells as in the header, found ${cells.length}.` }] };
  }
  const input: Record<string, string> = {};
  header.forEach((name, i) => {
    if (!IGNORED_COLUMNS.includes(name as (typeof IGNORED_COLUMNS)[number])) input[name] = cells[i] ?? '';
  });
  const result = importRowSchema.safeParse(input);
  if (result.success) return { row: result.data, errors: [] };
  return {
    errors: result.error.issues.map((issue) => ({ line, column: issue.path.length ? String(issue.path[0]) : null, message: issue.message })),
  };
}

type CsvRecord = { record: string[]; info: { lines: number } };

/**
 * Reads a whole CSV text: header first, then every record, collecting every problem with its
 * line (the line the record starts on) and column, so that a person can fix them all at once.
 */
export function parseImportCsv(text: string): ParseResult {
  let records: CsvRecord[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as CsvRecord[];
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    return { rows: [], rowsRead: 0, errors: [{ line: e.lines ?? 1, column: null, message: `the file is not valid CSV: ${e.message ?? String(err)}` }] };
  }
  const [first, ...body] = records;
  if (!first) return { rows: [], rowsRead: 0, errors: [{ line: 1, column: null, message: 'the file is empty; expected a header row and figures.' }] };
  const header = first.record.map((h) => h.trim());
  const errors = checkHeader(header);
  if (errors.length) return { rows: [], rowsRead: body.length, errors };
  const rows: ParsedRow[] = [];
  for (const { record, info } of body) {
    const embeddedBreaks = record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    const line = info.lines - embeddedBreaks;
    const result = validateRecord(header, record, line);
    if (result.row) rows.push({ line, row: result.row });
    errors.push(...result.errors);
  }
  return { rows, errors, rowsRead: body.length };
}
