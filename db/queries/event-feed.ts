import { and, desc, eq, inArray, sql, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../index';
import { auditEntries, events, figures, metrics, sources, type AuditEntry } from '../schema';

/** One change to a figure, with the names its feed entry needs (as the change left the figure; the event as the figure is now). */
export type EventFigureChange = Pick<AuditEntry, 'id' | 'at' | 'action' | 'entityType' | 'actor' | 'reason' | 'before' | 'after'> & {
  figureId: number;
  eventName: string | null;
  metricLabel: string | null;
  reportingBody: string | null;
  publisher: string | null;
};

/** The audit entries of `ids` whole, newest first, with their figure's event and the metric and source the change left it with. */
function changesOf(db: Executor, ids: SQLWrapper): EventFigureChange[] {
  return db
    .select({
      id: auditEntries.id,
      at: auditEntries.at,
      action: auditEntries.action,
      entityType: auditEntries.entityType,
      actor: auditEntries.actor,
      reason: auditEntries.reason,
      before: auditEntries.before,
      after: auditEntries.after,
      figureId: auditEntries.entityId,
      eventName: events.name,
      metricLabel: metrics.label,
      reportingBody: sources.reportingBody,
      publisher: sources.publisher,
    })
    .from(auditEntries)
    .leftJoin(figures, eq(figures.id, auditEntries.entityId))
    .leftJoin(events, eq(events.id, figures.eventId))
    .leftJoin(metrics, eq(metrics.id, sql`json_extract(${auditEntries.after}, '$.metricId')`))
    .leftJoin(sources, eq(sources.id, sql`json_extract(${auditEntries.after}, '$.sourceId')`))
    .where(inArray(auditEntries.id, ids))
    .orderBy(desc(auditEntries.id))
    .all();
}

/**
 * The newest changes to an event's figures (entered, changed, retracted, restored), newest first:
 * the event's feed. Read through the event's figures, then each one's audit entries, so an
 * event's feed costs its own figures however large the trail of other events is.
 */
export function latestEventFigureChanges(db: Executor, eventId: number, limit: number): EventFigureChange[] {
  // The newest entries' ids first (CROSS JOIN keeps SQLite to this order without statistics too,
  // which a seeded or edited database lacks: unordered, it may walk the whole trail from its newest
  // entry instead); only those are then read whole.
  const newest = db
    .select({ id: auditEntries.id })
    .from(figures)
    .crossJoin(auditEntries)
    .where(and(eq(figures.eventId, eventId), eq(auditEntries.entityType, 'figure'), eq(auditEntries.entityId, figures.id)))
    .orderBy(desc(auditEntries.id))
    .limit(limit);
  return changesOf(db, newest);
}

/** The newest changes to any event's figures, newest first: the site's feed (the trail read from its newest entry). */
export function latestFigureChanges(db: Executor, limit: number): EventFigureChange[] {
  const newest = db.select({ id: auditEntries.id }).from(auditEntries).where(eq(auditEntries.entityType, 'figure')).orderBy(desc(auditEntries.id)).limit(limit);
  return changesOf(db, newest);
}
