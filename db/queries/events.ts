import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../index';
import { events, type Event } from '../schema';

/** Every event, most recent first. */
export function listEvents(db: Executor): Event[] {
  return db.select().from(events).orderBy(asc(events.startDate)).all().reverse();
}

/** The event with this slug, or undefined. */
export function findEventBySlug(db: Executor, slug: string): Event | undefined {
  return db.select().from(events).where(eq(events.slug, slug)).get();
}
