import type { Db } from '../index';
import type { Figure } from '../schema';
import type { Actor } from './audit';
import { FIGURE_JSON, toFigure, type FigureRow, type FigureValues } from './import-statements';

/** A row of the file that names a figure the database holds already, for the caller to compare. */
export type ExistingMatch = { line: number; values: FigureValues; existing: Figure };

const STAGE_COLUMNS = `line, event_id, metric_id, group_name, location, source_id, reported_on, qualifier, value_low,
  value_best, value_high, unit, quote, note, status, retraction_reason`;
const FIGURE_COLUMNS = `event_id, metric_id, group_name, location, source_id, reported_on, qualifier, value_low,
  value_best, value_high, unit, quote, note, status, retraction_reason`;

type StageRow = {
  line: number; event_id: number; metric_id: number; group_name: string; location: string; source_id: number; reported_on: string;
  qualifier: Figure['qualifier']; value_low: number | null; value_best: number | null; value_high: number | null; unit: string;
  quote: string | null; note: string; status: Figure['status']; retraction_reason: string | null;
};

/**
 * The import's figures gathered in a temporary table (in memory: the import sets temp_store),
 * then written set-based, a slice of the file at a time. A profile of 100,000 new figures spent
 * half of the import on two statements a row (the figure, its audit entry); one row bound into
 * the stage and three statements per thousand rows take less than half of that. The stage
 * lives inside the caller's transaction and is dropped with it, so a rolled-back import leaves
 * nothing behind.
 */
export function createImportStage(db: Db, actor: Actor, reason?: string) {
  const c = db.$client;
  // No types and no constraints: the values are bound as the validated row holds them, and
  // figures' own constraints check them again on the way in. n numbers the rows in the file's
  // order, from 1, so that a slice is a range of the primary key.
  c.exec(`CREATE TEMP TABLE import_stage (n INTEGER PRIMARY KEY, ${STAGE_COLUMNS})`);
  const add = c.prepare(`INSERT INTO temp.import_stage (n, ${STAGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const lastFigureId = c.prepare('SELECT coalesce(max(id), 0) FROM figures').pluck();
  // In the file's order, so that new figures get their ids and audit entries in that order. Only
  // the identity's conflict is let through (the caller then compares the existing figure); any
  // other constraint still fails the import.
  const insertNew = c.prepare(`INSERT INTO figures (${FIGURE_COLUMNS})
    SELECT ${FIGURE_COLUMNS} FROM temp.import_stage WHERE n BETWEEN ? AND ? ORDER BY n
    ON CONFLICT (event_id, metric_id, group_name, location, source_id, reported_on) DO NOTHING`);
  // The audit entries of the figures just created, built by SQLite from the rows themselves
  // (the same JSON as the admin form's entries): no row read back into JavaScript.
  const auditNew = c.prepare(`INSERT INTO audit_entries (user_id, actor, action, entity_type, entity_id, before, after, reason)
    SELECT ?, ?, 'create', 'figure', id, NULL, ${FIGURE_JSON}, ? FROM figures WHERE id > ? ORDER BY id`);
  const existing = c.prepare(`SELECT ${STAGE_COLUMNS.split(',').map((col) => `s.${col.trim()} AS stage_${col.trim()}`).join(', ')}, f.*
    FROM temp.import_stage s JOIN figures f USING (event_id, metric_id, group_name, location, source_id, reported_on)
    WHERE s.n BETWEEN ? AND ? AND f.id <= ? ORDER BY s.n`);
  let staged = 0;

  return {
    /** Adds one figure of the file, at its line; figures are added in the file's order. */
    add(line: number, v: FigureValues): void {
      add.run(++staged, line, v.eventId, v.metricId, v.group, v.location, v.sourceId, v.reportedOn, v.qualifier, v.valueLow,
        v.valueBest, v.valueHigh, v.unit, v.quote, v.note, v.status, v.retractionReason);
    },
    /** How many figures are staged. */
    get size(): number {
      return staged;
    },
    /**
     * Creates the staged figures `from` to `to` (counted from 1) whose identity is new, with their
     * audit entries, and returns how many it created and the staged rows whose figure exists
     * already (with that figure), in the file's order.
     */
    createNew(from: number, to: number): { created: number; existing: ExistingMatch[] } {
      const before = lastFigureId.get() as number;
      const created = insertNew.run(from, to).changes;
      if (created > 0) auditNew.run(actor.userId, actor.label, reason || null, before);
      // Every staged figure was new: nothing to compare (the usual first import of a file).
      if (created === to - from + 1) return { created, existing: [] };
      const matches = (existing.all(from, to, before) as Array<FigureRow & { [K in keyof StageRow as `stage_${K}`]: StageRow[K] }>).map((r) => ({
        line: r.stage_line,
        values: {
          eventId: r.stage_event_id, metricId: r.stage_metric_id, group: r.stage_group_name, location: r.stage_location,
          sourceId: r.stage_source_id, reportedOn: r.stage_reported_on, qualifier: r.stage_qualifier, valueLow: r.stage_value_low,
          valueBest: r.stage_value_best, valueHigh: r.stage_value_high, unit: r.stage_unit, quote: r.stage_quote, note: r.stage_note,
          status: r.stage_status, retractionReason: r.stage_retraction_reason,
        },
        existing: toFigure(r),
      }));
      return { created, existing: matches };
    },
    /** Drops the stage (inside the transaction: a rollback would drop it as well). */
    drop(): void {
      c.exec('DROP TABLE temp.import_stage');
    },
  };
}
