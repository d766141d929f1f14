import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../index';
import { auditEntries, events } from '../schema';

/**
 * Where an event's page now is, for an address that names no event: the same slug in another
 * letter case (slugs are lower-case), or a slug the event had before an editor changed it, from
 * the audit trail (the latest change away from it). Null when no event ever had it. Read only
 * when an event page is not found, so links and citations to an earlier address keep working.
 */
export function currentEventSlug(db: Executor, slug: string): string | null {
  const lower = slug.toLowerCase();
  const now = (where: ReturnType<typeof eq>) => db.select({ slug: events.slug }).from(events).where(where).get()?.slug ?? null;
  if (lower !== slug) {
    const same = now(eq(events.slug, lower));
    if (same) return same;
  }
  const moved = db
    .select({ id: auditEntries.entityId })
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, 'event'), eq(auditEntries.action, 'update'), sql`json_extract(${auditEntries.before}, '$.slug') = ${lower}`))
    .orderBy(desc(auditEntries.id))
    .get();
  const current = moved ? now(eq(events.id, moved.id)) : null;
  return current !== null && current !== lower ? current : null;
}
