import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { figuresWithNotePrefix, integrityCheck } from '@/db/queries/save-check';
import * as schema from '@/db/schema';
import { saveNote, type AckedSave } from './save-stream';

/** What the database holds of a stream of saves. */
export type SaveCheck = {
  integrity: string;
  acknowledged: number;
  /** Acknowledged saves found under their figure id with their own note and exactly one audit entry. */
  presentWithOneAuditEntry: number;
  /** Acknowledged saves that are missing, or stored under another note. */
  missing: number[];
  /** Figures of the stream (acknowledged or not) with other than one audit entry. */
  wrongAuditCount: Array<{ figureId: number; auditEntries: number }>;
  /** Figures of the stream that no acknowledgement names: a save whose answer never arrived. */
  unacknowledgedPresent: number;
  /** Notes stored more than once: a save written twice. */
  duplicates: number;
};

/**
 * Opens `file` read-only and checks every save of the stream marked `marker`: SQLite's integrity
 * check, each acknowledged save present with exactly one audit entry, nothing written twice.
 */
export function checkSaves(file: string, marker: string, acked: AckedSave[]): SaveCheck {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const db = drizzle(sqlite, { schema });
    const integrity = integrityCheck(db);
    const rows = figuresWithNotePrefix(db, `${marker} save `);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ackedIds = new Set(acked.map((a) => a.figureId));
    const missing = acked.filter((a) => byId.get(a.figureId)?.note !== saveNote(marker, a.n)).map((a) => a.n);
    return {
      integrity,
      acknowledged: acked.length,
      presentWithOneAuditEntry: acked.filter((a) => byId.get(a.figureId)?.note === saveNote(marker, a.n) && byId.get(a.figureId)?.auditEntries === 1).length,
      missing,
      wrongAuditCount: rows.filter((r) => r.auditEntries !== 1).map((r) => ({ figureId: r.id, auditEntries: r.auditEntries })),
      unacknowledgedPresent: rows.filter((r) => !ackedIds.has(r.id)).length,
      duplicates: rows.length - new Set(rows.map((r) => r.note)).size,
    };
  } finally {
    sqlite.close();
  }
}
