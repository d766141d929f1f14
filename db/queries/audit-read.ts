import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../index';
import { auditEntries, FIGURE_NUMBER_CHANGED, FIGURE_NUMBER_KEYS, type AUDIT_ENTITIES, type AuditEntry, type Figure } from '../schema';

type Entity = (typeof AUDIT_ENTITIES)[number];

/** One page of the audit trail, newest first, optionally for one kind of record. */
export function listAuditEntries(db: Executor, opts: { entityType?: Entity; page: number; pageSize: number }): { rows: AuditEntry[]; total: number } {
  const filter: SQL | undefined = opts.entityType ? eq(auditEntries.entityType, opts.entityType) : undefined;
  const total = db.select({ n: count() }).from(auditEntries).where(filter).get()?.n ?? 0;
  const rows = db
    .select()
    .from(auditEntries)
    .where(filter)
    .orderBy(desc(auditEntries.id))
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .all();
  return { rows, total };
}

/** Every audit entry of one record, newest first. */
export function listAuditForEntity(db: Executor, entityType: Entity, entityId: number): AuditEntry[] {
  return db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, entityType), eq(auditEntries.entityId, entityId)))
    .orderBy(desc(auditEntries.id))
    .all();
}

/** One change someone made to a record: who, when, what, and the reason given (a retraction's own reason for a retraction). */
export type ChangeMade = Pick<AuditEntry, 'actor' | 'at' | 'action' | 'entityType' | 'reason'>;

/**
 * The changes made to a record after the version a form was opened at and up to the version the
 * refusal names (a figure's `revision`, an event's or a source's `updatedAt`, each only ever
 * growing), oldest first: what a refused stale save tells the editor of who changed it and why.
 * A retraction's reason is the figure's own (`after.retractionReason`).
 */
export function changesBetweenVersions<V extends number | string>(
  db: Executor,
  entityType: Entity,
  entityId: number,
  versions: { key: 'revision' | 'updatedAt'; opened: V; now: V },
): ChangeMade[] {
  const version = sql`json_extract(${auditEntries.after}, ${`$.${versions.key}`})`;
  return db
    .select({
      actor: auditEntries.actor,
      at: auditEntries.at,
      action: auditEntries.action,
      entityType: auditEntries.entityType,
      reason: sql<string | null>`CASE WHEN ${auditEntries.action} = 'retract' THEN coalesce(${auditEntries.reason}, json_extract(${auditEntries.after}, '$.retractionReason')) ELSE ${auditEntries.reason} END`,
    })
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, entityType), eq(auditEntries.entityId, entityId), sql`${version} > ${versions.opened}`, sql`${version} <= ${versions.now}`))
    .orderBy(asc(auditEntries.id))
    .all();
}

/** A figure's number as it stood before a change: what the public page says it "was". */
export type PreviousValue = Pick<Figure, 'qualifier' | 'valueLow' | 'valueBest' | 'valueHigh' | 'unit'>;

const NUMBER_PATHS = FIGURE_NUMBER_KEYS.map((k) => `'$.${k}'`);

/**
 * What the event page says of a figure changed after it was entered: its latest change on this
 * site (an update, a retraction or a restoration), and its number before the latest change of its
 * number, if one changed it (`was`: the `before` of the newest update, retraction or restoration
 * in the audit trail that changed the qualifier, a value or the unit). `was` is what the figure's
 * own page says it "was" too (lib/public-history correctionsOf), so a retraction and restoration
 * after a correction keep "was 230".
 */
export type FigureChange = {
  action: AuditEntry['action'];
  was: PreviousValue | null;
  /** Whether the latest change is the one that changed the number (`was` is its before). */
  wasLatest: boolean;
};

/**
 * Each of these figures' FigureChange, by figure id. Only a trail whose newest entry left the
 * figure as it is now (its revision and its number) counts: a figure changed outside the app
 * since (the sqlite3 shell writes no audit entry, and may leave the revision as it was) has none,
 * rather than a change or a number that may not be the one before.
 */
export function listFigureChanges(db: Executor, figures: Array<{ id: number; revision: number } & PreviousValue>): Map<number, FigureChange> {
  if (!figures.length) return new Map();
  // The partial index's own condition, and the index named: one entry per figure, whatever the
  // statistics say (a database analysed before migration 0009 would have the planner walk the
  // figure's whole trail by audit_entity_idx). A condition that drifted from the index's would
  // fail to prepare ("no query solution") rather than go slow.
  const numberChanged = sql.raw(FIGURE_NUMBER_CHANGED);
  // The newest entry's after, against the figure now: [id, revision, qualifier, low, best, high, unit].
  const numberHolds = sql.raw(NUMBER_PATHS.map((p, i) => `latest.after ->> ${p} IS f.value ->> ${i + 2}`).join(' AND '));
  const rows = db.values<[number, string | null, string | null]>(sql`
    SELECT f.value ->> 0, (
      SELECT json_array(latest.id, latest.action) FROM (
        SELECT id, action, after FROM audit_entries
        WHERE entity_type = 'figure' AND entity_id = f.value ->> 0
        ORDER BY id DESC LIMIT 1) latest
      WHERE latest.after ->> '$.revision' = f.value ->> 1 AND ${numberHolds}), (
      SELECT json_array(id, json(before)) FROM audit_entries INDEXED BY audit_figure_number_changes
      WHERE entity_id = f.value ->> 0 AND ${numberChanged}
      ORDER BY id DESC LIMIT 1)
    FROM json_each(${JSON.stringify(figures.map((f) => [f.id, f.revision, f.qualifier, f.valueLow, f.valueBest, f.valueHigh, f.unit]))}) f`);
  const changes = new Map<number, FigureChange>();
  for (const [id, latestJson, numberJson] of rows) {
    if (!latestJson) continue;
    const [latestId, action] = JSON.parse(latestJson) as [number, AuditEntry['action']];
    const [changeId, b] = numberJson ? (JSON.parse(numberJson) as [number, Partial<PreviousValue>]) : [null, null];
    const was = b && { qualifier: b.qualifier!, valueLow: b.valueLow ?? null, valueBest: b.valueBest ?? null, valueHigh: b.valueHigh ?? null, unit: b.unit ?? '' };
    changes.set(id, { action, was, wasLatest: changeId === latestId });
  }
  return changes;
}
