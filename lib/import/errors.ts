/** One problem in an import file, placed where a person can find it. */
export type ImportError = { line: number; column: string | null; message: string };

/** "line 5, column value_best: Enter a whole number ..." */
export function formatImportError(e: ImportError): string {
  return e.column ? `line ${e.line}, column ${e.column}: ${e.message}` : `line ${e.line}: ${e.message}`;
}
