import { importRowSchema, type ImportRow } from '@/lib/validation/import-row';
import { IGNORED_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from './columns';
import type { ImportError } from './errors';
import { restoreFormula } from '@/lib/export/formula';
import { createRowValidator, type RowValidator } from './row-validator';
import { CsvSyntaxError, readCsvText } from './csv-reader';

const NUMERIC_COLUMNS = new Set(['value_low', 'value_best', 'value_high']);

export type ParsedRow = { line: number; row: ImportRow };
/** The event, metric and unit a record names (when written validly), to check against the catalog. */
export type RowReference = { line: number; event_slug?: string; metric?: string; unit?: string };
export type ParseResult = { rows: ParsedRow[]; errors: ImportError[]; rowsRead: number; references: RowReference[]; columns: string[] };

const KNOWN = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS, ...IGNORED_COLUMNS]);

// Separators a spreadsheet may save "CSV" with, by the name a person knows them by.
const OTHER_SEPARATORS = [[';', 'semicolons (;)'], ['\t', 'tabs']] as const;

/**
 * A header whose commas are another character: one column holding known names joined by
 * semicolons (a spreadsheet set to a European locale saves "CSV" so) or tabs, two of them at
 * least (a header with columns missing too). Said as such, not as every required column missing.
 */
function otherSeparator(header: string[]): string | null {
  if (header.length !== 1) return null;
  for (const [separator, name] of OTHER_SEPARATORS) {
    const names = header[0]!.split(separator).map((h) => h.trim());
    if (names.filter((n) => KNOWN.has(n)).length >= 2) return name;
  }
  return null;
}

/** Checks the header row; returns the problems (an empty list when it can be read). */
export function checkHeader(header: string[]): ImportError[] {
  const separator = otherSeparator(header);
  if (separator) {
    return [{ line: 1, column: null, message: `the columns are separated by ${separator}, not commas; save the file as CSV with commas (in Excel: Save As, "CSV UTF-8 (Comma delimited)") and import it again.` }];
  }
  const errors: ImportError[] = [];
  const seen = new Set<string>();
  // The columns expected are listed with the first unknown one only: a header of thousands of
  // unknown columns must not give thousands of copies of the list.
  let unknown = 0;
  header.forEach((name, i) => {
    if (seen.has(name)) errors.push({ line: 1, column: name, message: `column "${name}" appears twice (again as column ${i + 1}).` });
    else if (!KNOWN.has(name)) {
      const expected = unknown++ === 0 ? `; expected columns: ${[...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(', ')}; an export's other columns are accepted and ignored: ${IGNORED_COLUMNS.join(', ')}` : '';
      errors.push({ line: 1, column: name || `${i + 1}`, message: `unknown column "${name}"${expected}.` });
    }
    seen.add(name);
  });
  // One message for the missing columns, however many: a file of other columns entirely lacks
  // most of them, and a list of one problem per column reads as many problems.
  const missing = REQUIRED_COLUMNS.filter((name) => !seen.has(name));
  if (missing.length === 1) errors.push({ line: 1, column: null, message: `the required column "${missing[0]}" is missing.` });
  else if (missing.length > 1) errors.push({ line: 1, column: null, message: `${missing.length} required columns are missing: ${missing.map((n) => `"${n}"`).join(', ')}.` });
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

/**
 * Takes the records of one CSV file as the reader yields them, header first, and keeps the valid
 * rows and every problem with its line (the line the record starts on) and column, so that a
 * person can fix them all at once. The same collector serves a whole text and a stream.
 */
export class RowCollector {
  private header: string[] | null = null;
  private headerOk = false;
  // The header was refused for its separator: the rows' quotes then confuse a comma reader, and
  // its complaints would only bury the one message that says what to do.
  private wrongSeparator = false;
  private validate: RowValidator | null = null;
  readonly rows: ParsedRow[] = [];
  readonly errors: ImportError[] = [];
  // The references of the rows that did not validate; a valid row's are in `rows`.
  private invalidReferences: RowReference[] = [];
  rowsRead = 0;

  /** Takes one record of the file (the CSV reader's): its cells and the line it starts on. */
  add(record: string[], line: number): void {
    if (!this.header) {
      const header = record.map((h) => h.trim());
      this.header = header;
      const headerErrors = checkHeader(header);
      this.wrongSeparator = otherSeparator(header) !== null;
      // One by one: a header of 250,000 unknown columns overflowed the stack as push's arguments.
      for (const error of headerErrors) this.errors.push(error);
      this.headerOk = headerErrors.length === 0;
      this.validate = createRowValidator(header, (cells, line) => validateRecord(header, cells, line));
      return;
    }
    this.rowsRead++;
    if (!this.headerOk || !this.validate) return;
    const result = this.validate(record, line);
    if (result.row) {
      this.rows.push({ line, row: result.row });
    } else {
      this.errors.push(...result.errors);
      this.invalidReferences.push(referenceOf(this.header, record, line, result.errors));
    }
  }

  /** The event, metric and unit every row names, valid or not, in the order of the file. */
  get references(): RowReference[] {
    const valid = this.rows.map(({ line, row }): RowReference => ({ line, event_slug: row.event_slug, metric: row.metric, unit: row.unit }));
    return [...valid, ...this.invalidReferences].sort((a, b) => a.line - b.line);
  }

  /**
   * The problem that stopped the reading of the file, placed at its line; for a CSV syntax error
   * the message names the character in that line and the column of the cell.
   */
  addParseError(err: unknown): void {
    if (this.wrongSeparator) return;
    if (err instanceof CsvSyntaxError) {
      // The header is known once its record is complete: a problem in the header itself has none.
      const named = this.header?.[err.cell];
      const cell = named ? `column "${named}"` : `cell ${err.cell + 1}`;
      // A row it could not read is still a row of the file, and rejected: counted as read, so that
      // the summary's rejected rows are never more than those it read.
      if (this.header) this.rowsRead++;
      // Said in plain words (the detail says what is wrong and how to mend it), not by the
      // problem's name ("Invalid Opening Quote"), which is for programs.
      const what = err.problem === 'Not UTF-8' ? 'the file is not UTF-8 text' : 'the file is not valid CSV';
      this.errors.push({ line: err.line, column: null, message: `${what} at character ${err.character} (${cell}): ${err.detail}` });
    } else {
      this.errors.push({ line: 1, column: null, message: `the file is not valid CSV: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  result(): ParseResult {
    if (!this.header && !this.errors.length) {
      return { rows: [], rowsRead: 0, references: [], columns: [], errors: [{ line: 1, column: null, message: 'the file is empty; expected a header row and figures.' }] };
    }
    // A header and nothing under it: said, not reported as an import of 0 rows (a file saved
    // before its rows were pasted, or a filter that left none).
    if (this.headerOk && this.rowsRead === 0 && !this.errors.length) {
      return { rows: [], rowsRead: 0, references: [], columns: this.header ?? [], errors: [{ line: 2, column: null, message: 'the file has its header but no figures under it; nothing was imported.' }] };
    }
    return { rows: this.headerOk ? this.rows : [], errors: this.errors, rowsRead: this.rowsRead, references: this.headerOk ? this.references : [], columns: this.header ?? [] };
  }
}

// A row with other problems still has its event, metric and unit checked, unless those cells
// are themselves malformed (already reported).
function referenceOf(header: string[], record: string[], line: number, errors: ImportError[]): RowReference {
  const ref: RowReference = { line };
  for (const column of ['event_slug', 'metric', 'unit'] as const) {
    const i = header.indexOf(column);
    const cell = record[i]?.trim();
    if (cell && record.length === header.length && !errors.some((e) => e.column === column)) ref[column] = cell;
  }
  return ref;
}

/**
 * Reads a whole CSV text: header first, then every record, collecting every problem. A file that
 * stops being CSV is reported there, with the problems of the records before it (as a stream is).
 */
export function parseImportCsv(text: string): ParseResult {
  const collector = new RowCollector();
  try {
    readCsvText(text, (record, line) => collector.add(record, line));
  } catch (err) {
    collector.addParseError(err);
  }
  return collector.result();
}
