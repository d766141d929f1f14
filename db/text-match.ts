import type Database from 'better-sqlite3';

/**
 * Text compared without regard to letter case, in any script: "almaty" finds "Almaty" and
 * "алматы" finds "Алматы" (SQLite's own lower() and NOCASE fold only ASCII letters). The same
 * folding in JavaScript and, as `fold_case`, in SQL.
 */
export function foldCase(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Makes `fold_case(text)` available to this connection's SQL (deterministic, so SQLite may reuse its results). */
export function registerTextMatch(sqlite: Database.Database): void {
  sqlite.function('fold_case', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldCase(text) : text));
}
