import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../index';
import { events, figures, type Event, type Figure } from '../schema';

/** Whether the database holds no events yet (a new file, or one only migrated). */
export function isEmpty(db: Executor): boolean {
  return db.select({ id: events.id }).from(events).limit(1).get() === undefined;
}

/** Every event, most recent first. */
export function listEvents(db: Executor): Event[] {
  return db.select().from(events).orderBy(desc(events.startDate), asc(events.name)).all();
}

/** The event with this slug, or undefined. */
export function findEventBySlug(db: Executor, slug: string): Event | undefined {
  return db.select().from(events).where(eq(events.slug, slug)).get();
}

/** The figures with these ids. */
export function listFiguresByIds(db: Executor, ids: number[]): Figure[] {
  return ids.length ? db.select().from(figures).where(inArray(figures.id, ids)).all() : [];
}
