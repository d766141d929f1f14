import { parse } from 'csv-parse/sync';
import { importRowSchema, type ImportRow } from '@/lib/validation/import-row';
import { IGNORED_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from './columns';
import type { ImportError } from './errors';
import { restoreFormula } from '@/lib/export/formula';
import { createRowValidator, type RowValidator } from './row-validator';

const NUMERIC_COLUMNS = new Set(['value_low', 'value_best', 'value_high']);

export type ParsedRow = { line: number; row: ImportRow };
/** The event and metric a record names (when written validly), to check against the catalog. */
export type RowReference = { line: number; event_slug?: string; metric?: string };
export type ParseResult = { rows: ParsedRow[]; errors: ImportError[]; rowsRead: number; references: RowReference[]; columns: string[] };

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
    // A text cell the export neutralised against spreadsheet formulas ('=…) is read back as it was.
    if (!IGNORED_COLUMNS.includes(name as (typeof IGNORED_COLUMNS)[number])) {
      const cell = cells[i] ?? '';
      input[name] = NUMERIC_COLUMNS.has(name) ? cell : restoreFormula(cell);
    }
  });
  const result = importRowSchema.safeParse(input);
  if (result.success) return { row: result.data, errors: [] };
  return {
    errors: result.error.issues.map((issue) => ({ line, column: issue.path.length ? String(issue.path[0]) : null, message: issue.message })),
  };
}

/** One record as csv-parse yields it with `info`: its cells, and where it ends in the file. */
export type CsvRecord = { record: string[]; info: { lines: number; bytes: number } };

/** csv-parse's options for every import: a BOM is dropped, blank lines skipped, line numbers kept. */
export const CSV_PARSE_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true, info: true } as const;

/**
 * Takes the records of one CSV file as the parser yields them, header first, and keeps the valid
 * rows and every problem with its line (the line the record starts on) and column, so that a
 * person can fix them all at once. The same collector serves a whole text and a stream.
 */
export class RowCollector {
  private header: string[] | null = null;
  private headerOk = false;
  private validate: RowValidator | null = null;
  readonly rows: ParsedRow[] = [];
  readonly errors: ImportError[] = [];
  // The references of the rows that did not validate; a valid row's are in `rows`.
  private invalidReferences: RowReference[] = [];
  rowsRead = 0;
  // csv-parse counts a CRLF inside a quoted cell as two lines; this many lines it over-counted so far.
  private overCounted = 0;

  add({ record, info }: CsvRecord): void {
    const { crlf, breaks } = lineBreaksIn(record);
    this.overCounted += crlf;
    if (!this.header) {
      const header = record.map((h) => h.trim());
      this.header = header;
      const headerErrors = checkHeader(header);
      this.errors.push(...headerErrors);
      this.headerOk = headerErrors.length === 0;
      this.validate = createRowValidator(header, (cells, line) => validateRecord(header, cells, line));
      return;
    }
    this.rowsRead++;
    if (!this.headerOk || !this.validate) return;
    const line = info.lines - this.overCounted - breaks;
    const result = this.validate(record, line);
    if (result.row) {
      this.rows.push({ line, row: result.row });
    } else {
      this.errors.push(...result.errors);
      this.invalidReferences.push(referenceOf(this.header, record, line, result.errors));
    }
  }

  /** The event and metric every row names, valid or not, in the order of the file. */
  get references(): RowReference[] {
    const valid = this.rows.map(({ line, row }): RowReference => ({ line, event_slug: row.event_slug, metric: row.metric }));
    return [...valid, ...this.invalidReferences].sort((a, b) => a.line - b.line);
  }

  /** The problem a parser error stands for, placed at its line. */
  addParseError(err: unknown): void {
    const e = err as { lines?: number; message?: string };
    this.errors.push({ line: Math.max(1, (e.lines ?? 1) - this.overCounted), column: null, message: `the file is not valid CSV: ${e.message ?? String(err)}` });
  }

  result(): ParseResult {
    if (!this.header && !this.errors.length) {
      return { rows: [], rowsRead: 0, references: [], columns: [], errors: [{ line: 1, column: null, message: 'the file is empty; expected a header row and figures.' }] };
    }
    return { rows: this.headerOk ? this.rows : [], errors: this.errors, rowsRead: this.rowsRead, references: this.headerOk ? this.references : [], columns: this.header ?? [] };
  }
}

const CRLF = /\r\n/g;
const BREAK = /\r\n|\r|\n/g;

// The line breaks inside a record's cells (CRLF counted once), and its CRLFs. Most cells have
// none, which one indexOf each tells without running a regex.
function lineBreaksIn(record: string[]): { crlf: number; breaks: number } {
  let crlf = 0;
  let breaks = 0;
  for (const cell of record) {
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue;
    crlf += cell.match(CRLF)?.length ?? 0;
    breaks += cell.match(BREAK)?.length ?? 0;
  }
  return { crlf, breaks };
}

// A row with other problems still has its event and metric checked, unless those cells are
// themselves malformed (already reported).
function referenceOf(header: string[], record: string[], line: number, errors: ImportError[]): RowReference {
  const ref: RowReference = { line };
  for (const column of ['event_slug', 'metric'] as const) {
    const i = header.indexOf(column);
    const cell = record[i]?.trim();
    if (cell && record.length === header.length && !errors.some((e) => e.column === column)) ref[column] = cell;
  }
  return ref;
}

/** Reads a whole CSV text: header first, then every record, collecting every problem. */
export function parseImportCsv(text: string): ParseResult {
  const collector = new RowCollector();
  let records: CsvRecord[];
  try {
    records = parse(text, CSV_PARSE_OPTIONS) as unknown as CsvRecord[];
  } catch (err) {
    collector.addParseError(err);
    return { rows: [], rowsRead: 0, references: [], columns: [], errors: collector.errors };
  }
  for (const record of records) collector.add(record);
  return collector.result();
}
