import { and, eq } from 'drizzle-orm';
import type { Executor } from '../index';
import { events, metrics, sources, type NewEvent, type NewMetric, type NewSource, type Source } from '../schema';
import { logAudit, type Actor } from './audit';

/** Creates the event when its slug is new; an existing event is left as editors made it. */
export function ensureEvent(db: Executor, event: NewEvent, actor: Actor): boolean {
  return db.transaction((tx) => {
    if (tx.select({ id: events.id }).from(events).where(eq(events.slug, event.slug)).get()) return false;
    const row = tx.insert(events).values(event).returning().get();
    logAudit(tx, { actor, action: 'create', entityType: 'event', entityId: row.id, before: null, after: row });
    return true;
  });
}

/** Creates the metric when its key is new. */
export function ensureMetric(db: Executor, metric: NewMetric, actor: Actor): boolean {
  return db.transaction((tx) => {
    if (tx.select({ id: metrics.id }).from(metrics).where(eq(metrics.key, metric.key)).get()) return false;
    const row = tx.insert(metrics).values(metric).returning().get();
    logAudit(tx, { actor, action: 'create', entityType: 'metric', entityId: row.id, before: null, after: row });
    return true;
  });
}

export type SourceIdentity = Pick<Source, 'reportingBody' | 'publisher' | 'title' | 'url' | 'publishedOn'>;

/** The source with exactly this identity, if any. */
export function findSource(db: Executor, s: SourceIdentity): Source | undefined {
  return db
    .select()
    .from(sources)
    .where(
      and(
        eq(sources.reportingBody, s.reportingBody),
        eq(sources.publisher, s.publisher),
        eq(sources.title, s.title),
        eq(sources.url, s.url),
        eq(sources.publishedOn, s.publishedOn),
      ),
    )
    .get();
}

/** Creates the source when new; returns its id and whether it was created. */
export function ensureSource(db: Executor, source: NewSource & SourceIdentity, actor: Actor): { id: number; created: boolean } {
  return db.transaction((tx) => {
    const existing = findSource(tx, source);
    if (existing) return { id: existing.id, created: false };
    const row = tx.insert(sources).values(source).returning().get();
    logAudit(tx, { actor, action: 'create', entityType: 'source', entityId: row.id, before: null, after: row });
    return { id: row.id, created: true };
  });
}
