import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../index';
import { auditEntries, events, figures, metrics, sources, type AuditEntry } from '../schema';

/**
 * One change to a figure, with the names its feed entry needs: the metric and the source the
 * change left it with (the source only while some figure cites it, as the site's pages name
 * sources: one no longer cited is not public), and the event the figure is in now.
 */
export type EventFigureChange = Pick<AuditEntry, 'id' | 'at' | 'action' | 'entityType' | 'actor' | 'reason' | 'confirmedWarning' | 'before' | 'after'> & {
  figureId: number;
  eventName: string | null;
  metricLabel: string | null;
  /** Whether the change left the figure citing a source (its snapshot names one). */
  cites: boolean;
  reportingBody: string | null;
  publisher: string | null;
};

/** The audit entries `ids` whole, newest first, with their names. */
function changesOf(db: Executor, ids: number[]): EventFigureChange[] {
  if (ids.length === 0) return [];
  const sourceId = sql`json_extract(${auditEntries.after}, '$.sourceId')`;
  return db
    .select({
      id: auditEntries.id,
      at: auditEntries.at,
      action: auditEntries.action,
      entityType: auditEntries.entityType,
      actor: auditEntries.actor,
      reason: auditEntries.reason,
      confirmedWarning: auditEntries.confirmedWarning,
      before: auditEntries.before,
      after: auditEntries.after,
      figureId: auditEntries.entityId,
      eventName: events.name,
      metricLabel: metrics.label,
      cites: sql<boolean>`${sourceId} IS NOT NULL`.mapWith(Boolean),
      reportingBody: sources.reportingBody,
      publisher: sources.publisher,
    })
    .from(auditEntries)
    .leftJoin(figures, eq(figures.id, auditEntries.entityId))
    .leftJoin(events, eq(events.id, figures.eventId))
    .leftJoin(metrics, eq(metrics.id, sql`json_extract(${auditEntries.after}, '$.metricId')`))
    .leftJoin(sources, sql`${sources.id} = ${sourceId} AND EXISTS (SELECT 1 FROM ${figures} AS cited WHERE cited.source_id = ${sources.id})`)
    .where(inArray(auditEntries.id, ids))
    .orderBy(desc(auditEntries.id))
    .all();
}

const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);

/**
 * The newest changes to an event's figures (entered, changed, retracted, restored), newest first:
 * the event's feed. The ids first, looked up by the entity index for each of the event's figures
 * (INDEXED BY keeps SQLite to that plan whatever its statistics say: with stale ones, a join built
 * a Bloom filter over the whole trail, half a second at a million entries), so it costs the
 * event's own figures however long the trail of other events is; then only those entries are
 * read whole.
 */
export function latestEventFigureChanges(db: Executor, eventId: number, limit: number): EventFigureChange[] {
  const newest = db.all<{ id: number }>(sql`
    SELECT id FROM ${auditEntries} INDEXED BY audit_entity_idx
    WHERE entity_type = 'figure' AND entity_id IN (SELECT id FROM ${figures} WHERE event_id = ${eventId})
    ORDER BY id DESC LIMIT ${limit}`);
  return changesOf(db, ids(newest));
}

/**
 * The newest changes to any event's figures, newest first: the site's feed. Read from the trail's
 * newest entry backwards (`+entity_type` keeps SQLite off the entity index, which would read
 * every figure's entries and sort them all).
 */
export function latestFigureChanges(db: Executor, limit: number): EventFigureChange[] {
  const newest = db.all<{ id: number }>(sql`SELECT id FROM ${auditEntries} WHERE +entity_type = 'figure' ORDER BY id DESC LIMIT ${limit}`);
  return changesOf(db, ids(newest));
}
