import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../index';
import { auditEntries, events } from '../schema';

const slugOf = (db: Executor, id: number) => db.select({ slug: events.slug }).from(events).where(eq(events.id, id)).get()?.slug ?? null;

/**
 * The event that last had `slug` (lower-case) before an editor changed it, from the audit trail,
 * with the slug it has now; null when no event's slug was ever changed away from it.
 */
export function eventThatHad(db: Executor, slug: string): { id: number; slug: string } | null {
  const moved = db
    .select({ id: auditEntries.entityId })
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, 'event'), eq(auditEntries.action, 'update'), sql`json_extract(${auditEntries.before}, '$.slug') = ${slug}`))
    .orderBy(desc(auditEntries.id))
    .get();
  const now = moved ? slugOf(db, moved.id) : null;
  return moved && now !== null ? { id: moved.id, slug: now } : null;
}

/**
 * Where an event's page now is, for an address that names no event: the same slug in another
 * letter case (slugs are lower-case), or a slug the event had before an editor changed it (the
 * latest change away from it). Null when no event ever had it. Read only when an event page is
 * not found, so links and citations to an earlier address keep working. (No other event may take
 * a slug an event had: the admin refuses it, so an old address never leads to another event.)
 */
export function currentEventSlug(db: Executor, slug: string): string | null {
  const lower = slug.toLowerCase();
  if (lower !== slug) {
    const same = db.select({ slug: events.slug }).from(events).where(eq(events.slug, lower)).get()?.slug;
    if (same) return same;
  }
  const had = eventThatHad(db, lower);
  return had !== null && had.slug !== lower ? had.slug : null;
}
