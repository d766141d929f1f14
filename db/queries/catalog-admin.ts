import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { EventInput } from '@/lib/validation/event';
import type { SourceInput } from '@/lib/validation/source';
import { writeTransaction, type Db, type Executor } from '../index';
import { auditEntries, events, figures, sources, type Event, type Source } from '../schema';
import { logAudit, type Actor } from './audit';
import { changesBetweenVersions, type ChangeMade } from './audit-read';
import { findSource } from './catalog';
import { eventThatHad } from './event-moves';
import { changesNothing, NOTHING_CHANGED } from '@/lib/unchanged';

/** A write to the catalogue refused for a reason the editor can act on. */
export class CatalogWriteError extends Error {
  constructor(message: string, readonly field: string | null = null) {
    super(message);
  }
}

/** Every source with how many figures cite it, newest publication first. */
export function listSourcesWithUse(db: Executor): Array<Omit<Source, 'fullText'> & { figureCount: number }> {
  return db
    .select({
      id: sources.id, reportingBody: sources.reportingBody, publisher: sources.publisher, title: sources.title, url: sources.url,
      publishedOn: sources.publishedOn, createdAt: sources.createdAt, updatedAt: sources.updatedAt, figureCount: count(figures.id),
    })
    .from(sources)
    .leftJoin(figures, eq(figures.sourceId, sources.id))
    .groupBy(sources.id)
    .orderBy(desc(sources.publishedOn), asc(sources.reportingBody))
    .all();
}

export function findSourceById(db: Executor, id: number): Source | undefined {
  return db.select().from(sources).where(eq(sources.id, id)).get();
}

export function findEventById(db: Executor, id: number): Event | undefined {
  return db.select().from(events).where(eq(events.id, id)).get();
}

/**
 * An edit's outcome: saved, or refused because the record changed after the form was opened (its
 * `updatedAt` is not the one the form was built from). A refusal gives the record now and, from
 * its history, as the form showed it (null when the history lacks that version).
 */
export type CatalogSave<T> = { status: 'saved'; row: T } | { status: 'stale'; current: T; then: Record<string, unknown> | null; changedBy: ChangeMade[] };

/** A refused edit of a record changed since version `seenVersion`: the record now, as the form had it, and who changed it. */
function staleSave<T extends { updatedAt: string }>(tx: Executor, entityType: 'event' | 'source', id: number, current: T, seenVersion: string): CatalogSave<T> {
  return { status: 'stale', current, then: recordAt(tx, entityType, id, seenVersion), changedBy: changesBetweenVersions(tx, entityType, id, { key: 'updatedAt', opened: seenVersion, now: current.updatedAt }) };
}

/** The record as its audit entry of version `updatedAt` left it, or null. */
function recordAt(db: Executor, entityType: 'event' | 'source', id: number, updatedAt: string): Record<string, unknown> | null {
  const entry = db
    .select({ after: auditEntries.after })
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, entityType), eq(auditEntries.entityId, id), sql`json_extract(${auditEntries.after}, '$.updatedAt') = ${updatedAt}`))
    .orderBy(desc(auditEntries.id))
    .get();
  return entry?.after && typeof entry.after === 'object' ? (entry.after as Record<string, unknown>) : null;
}

const sourceValues = (s: SourceInput) => ({ ...s, fullText: s.fullText === '' ? null : s.fullText });

/** Creates a source with its audit entry; the same source twice is refused. */
export function createSource(db: Db, input: SourceInput, actor: Actor): Source {
  return writeTransaction(db, (tx) => {
    const existing = findSource(tx, input);
    if (existing) throw new CatalogWriteError(`This source already exists (source #${existing.id}).`);
    const row = tx.insert(sources).values(sourceValues(input)).returning().get();
    logAudit(tx, { actor, action: 'create', entityType: 'source', entityId: row.id, before: null, after: row });
    return row;
  });
}

/** Edits a source with its audit entry; every figure citing it shows the change. */
export function updateSource(db: Db, id: number, seenVersion: string, input: SourceInput, actor: Actor): CatalogSave<Source> {
  return writeTransaction(db, (tx): CatalogSave<Source> => {
    const before = findSourceById(tx, id);
    if (!before) throw new CatalogWriteError(`There is no source #${id}.`);
    if (before.updatedAt !== seenVersion) return staleSave(tx, 'source', id, before, seenVersion);
    const clash = findSource(tx, input);
    if (clash && clash.id !== id) throw new CatalogWriteError(`Another source is exactly this one (source #${clash.id}).`);
    if (changesNothing(sourceValues(input), before)) throw new CatalogWriteError(NOTHING_CHANGED);
    const row = tx.update(sources).set({ ...sourceValues(input), updatedAt: nextVersionAt(before.updatedAt) }).where(eq(sources.id, id)).returning().get();
    logAudit(tx, { actor, action: 'update', entityType: 'source', entityId: id, before, after: row });
    return { status: 'saved', row };
  });
}

const eventValues = (e: EventInput) => ({ ...e, endDate: e.endDate ?? null });

/**
 * Refuses a slug another event has, or had: an event's old address leads to its page (a
 * citation keeps working), so it cannot become another event's. The event itself may take back
 * a slug it had.
 */
function refuseTakenSlug(tx: Executor, slug: string, id: number | null): void {
  const clash = tx.select({ id: events.id }).from(events).where(eq(events.slug, slug)).get();
  if (clash && clash.id !== id) throw new CatalogWriteError('Another event already has this slug.', 'slug');
  const had = eventThatHad(tx, slug);
  if (had && had.id !== id) {
    throw new CatalogWriteError(`This slug was another event's address until it was changed to “${had.slug}”, and links to it lead there; choose another.`, 'slug');
  }
}

/**
 * The time a record's new version is stamped with: now, or a millisecond after its last one when
 * the clock has not moved past it (two saves within a millisecond, or a clock set back), so that
 * every saved version of a record has its own `updatedAt`, which edit forms carry as the version
 * they were opened at.
 */
export function nextVersionAt(previous: string, now: number = Date.now()): string {
  const last = Date.parse(previous);
  return new Date(Number.isNaN(last) ? now : Math.max(now, last + 1)).toISOString();
}

/** Creates an event with its audit entry; a slug in use is refused. */
export function createEvent(db: Db, input: EventInput, actor: Actor): Event {
  return writeTransaction(db, (tx) => {
    refuseTakenSlug(tx, input.slug, null);
    const row = tx.insert(events).values(eventValues(input)).returning().get();
    logAudit(tx, { actor, action: 'create', entityType: 'event', entityId: row.id, before: null, after: row });
    return row;
  });
}

/** Edits an event with its audit entry, unless it changed since the form's version. */
export function updateEvent(db: Db, id: number, seenVersion: string, input: EventInput, actor: Actor): CatalogSave<Event> {
  return writeTransaction(db, (tx): CatalogSave<Event> => {
    const before = findEventById(tx, id);
    if (!before) throw new CatalogWriteError(`There is no event #${id}.`);
    if (before.updatedAt !== seenVersion) return staleSave(tx, 'event', id, before, seenVersion);
    if (changesNothing(eventValues(input), before)) throw new CatalogWriteError(NOTHING_CHANGED);
    refuseTakenSlug(tx, input.slug, id);
    const row = tx.update(events).set({ ...eventValues(input), updatedAt: nextVersionAt(before.updatedAt) }).where(eq(events.id, id)).returning().get();
    logAudit(tx, { actor, action: 'update', entityType: 'event', entityId: id, before, after: row });
    return { status: 'saved', row };
  });
}

/** How many figures cite a source. */
export function countFiguresCiting(db: Executor, sourceId: number): number {
  return db.select({ n: count() }).from(figures).where(eq(figures.sourceId, sourceId)).get()?.n ?? 0;
}

/**
 * Removes a source that no figure cites. The whole source and the reason stay in the audit
 * trail (action `remove`), written in the same transaction, so nothing is lost; a source in use
 * is refused (and the foreign key would refuse it too).
 */
export function removeSource(db: Db, id: number, reason: string, actor: Actor): void {
  writeTransaction(db, (tx) => {
    const before = findSourceById(tx, id);
    if (!before) throw new CatalogWriteError(`There is no source #${id}.`);
    const citing = countFiguresCiting(tx, id);
    if (citing > 0) {
      throw new CatalogWriteError(`${citing} figure${citing === 1 ? ' cites' : 's cite'} this source (retracted ones included), so it cannot be removed; correct the source instead if it is wrong.`);
    }
    tx.delete(sources).where(eq(sources.id, id)).run();
    logAudit(tx, { actor, action: 'remove', entityType: 'source', entityId: id, before, after: { removed: true, reason } });
  });
}
