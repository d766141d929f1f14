/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with = + - @, a tab or a
 * carriage return is read by Excel, LibreOffice and Google Sheets as a formula. The export
 * prefixes such a cell with a single quote, which spreadsheets show as text and hide.
 *
 * To keep export → import exact, a cell that already starts with quotes followed by one of those
 * characters gets one more quote, and the importer removes exactly one: the mapping is reversible
 * for every text.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** The text as it is safe to write into a CSV cell that a spreadsheet will open. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes neutraliseFormula on a text cell read back from an export. */
export function restoreFormula(cell: string): string {
  return FORMULA_START.test(cell) && cell.startsWith("'") ? cell.slice(1) : cell;
}
