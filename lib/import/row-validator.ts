import { importRowIssues, importRowShape, type ImportRow } from '@/lib/validation/import-row';
import { restoreFormula } from '@/lib/export/formula';
import { IGNORED_COLUMNS } from './columns';
import type { ImportError } from './errors';

type Column = keyof typeof importRowShape;
type CellResult = { ok: true; value: unknown } | { ok: false };
/** Validates one record's cells (in header order); the same answer as `importRowSchema`. */
export type RowValidator = (cells: string[], line: number) => { row?: ImportRow; errors: ImportError[] };

const NUMERIC_COLUMNS = new Set<string>(['value_low', 'value_best', 'value_high']);
const COLUMNS = Object.keys(importRowShape) as Column[];
// Distinct cells one column remembers before it starts again: bounds the memory of a column
// whose cells are all different (notes, quotes), while the repeated ones (event, metric,
// group, place, source, unit, date) stay remembered.
const MEMO_LIMIT = 20_000;

/**
 * A validator for the records of one file with this (already checked) header. Each column's
 * own zod rule (importRowShape) depends only on its cell, and most cells repeat from row to row,
 * so each column remembers the result for a cell it has seen; the rules between columns
 * (importRowIssues) then run on the row. A row with any problem is validated again by
 * `fullValidation` (importRowSchema itself), so that its messages and their order are exactly
 * the schema's: the fast path only ever answers "valid, with these values".
 */
export function createRowValidator(header: string[], fullValidation: RowValidator): RowValidator {
  const ignored = new Set<string>(IGNORED_COLUMNS);
  const at = new Map(header.map((name, i) => [name, i]));
  const columns = COLUMNS.map((name) => {
    const index = ignored.has(name) ? undefined : at.get(name);
    const schema = importRowShape[name];
    // A column the file does not have is read as absent, the same for every row.
    const absent = index === undefined ? schema.safeParse(undefined) : undefined;
    return { name, index, schema, numeric: NUMERIC_COLUMNS.has(name), memo: new Map<string, CellResult>(), absent };
  });
  return (cells, line) => {
    if (cells.length !== header.length) return fullValidation(cells, line);
    const row: Record<string, unknown> = {};
    for (const column of columns) {
      if (column.index === undefined) {
        if (!column.absent?.success) return fullValidation(cells, line);
        if (column.absent.data !== undefined) row[column.name] = column.absent.data;
        continue;
      }
      const cell = cells[column.index] ?? '';
      let result = column.memo.get(cell);
      if (!result) {
        // A text cell the export neutralised against spreadsheet formulas ('=…) is read back as it was.
        const parsed = column.schema.safeParse(column.numeric ? cell : restoreFormula(cell));
        result = parsed.success ? { ok: true, value: parsed.data } : { ok: false };
        if (column.memo.size >= MEMO_LIMIT) column.memo.clear();
        column.memo.set(cell, result);
      }
      if (!result.ok) return fullValidation(cells, line);
      row[column.name] = result.value;
    }
    const valid = row as ImportRow;
    if (importRowIssues(valid).length) return fullValidation(cells, line);
    return { row: valid, errors: [] };
  };
}
