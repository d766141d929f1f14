import { and, eq, like, sql } from 'drizzle-orm';
import type { Executor } from '../index';
import { auditEntries, figures } from '../schema';

/** A figure a test client wrote, with the number of audit entries it has. */
export type SavedFigureRecord = { id: number; note: string; revision: number; auditEntries: number };

/**
 * Every figure whose note starts with `prefix`, with its audit entry count: how the load and
 * crash checks find the saves they made (each note is unique to one save) and prove that each
 * one was written together with exactly one audit entry.
 */
export function figuresWithNotePrefix(db: Executor, prefix: string): SavedFigureRecord[] {
  // LIKE treats % and _ as wildcards; the prefixes used are plain words and digits, and the
  // exact comparison below drops any accidental match.
  const auditCount = sql<number>`(SELECT count(*) FROM ${auditEntries} WHERE ${and(eq(auditEntries.entityType, 'figure'), eq(auditEntries.entityId, figures.id))})`;
  return db
    .select({ id: figures.id, note: figures.note, revision: figures.revision, auditEntries: auditCount })
    .from(figures)
    .where(like(figures.note, `${prefix}%`))
    .orderBy(figures.id)
    .all()
    .filter((row) => row.note.startsWith(prefix));
}

/** SQLite's full integrity check: `ok`, or the problems it found. */
export function integrityCheck(db: Executor): string {
  const rows = db.all<{ integrity_check: string }>(sql`PRAGMA integrity_check`);
  return rows.map((r) => r.integrity_check).join('\n');
}
