import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../index';
import { auditEntries, type AUDIT_ENTITIES, type AuditEntry } from '../schema';

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
