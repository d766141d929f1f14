import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../index';
import { events, figures, type Event, type Figure } from '../schema';

/** Every event, most recent first. */
export function listEvents(db: Executor): Event[] {
  return db.select().from(events).orderBy(desc(events.startDate), asc(events.name)).all();
}

/** The event with this slug, or undefined. */
export function findEventBySlug(db: Executor, slug: string): Event | undefined {
  return db.select().from(events).where(eq(events.slug, slug)).get();
}

export type EventWithHeadlineDeaths = Event & { deaths: Figure | null };

/**
 * Every event with its headline death toll: the latest published whole count (group "all"),
 * preferring the figure for the event's country over a single place's.
 */
export function listEventsWithHeadlineDeaths(db: Executor): EventWithHeadlineDeaths[] {
  // SQLite cannot refer to the outer row in a subquery's ORDER BY, so the preference for the
  // country's figure is two lookups: the country's first, else any place's.
  const latest = (samePlace: boolean) => sql`(
    SELECT f.id FROM figures f
    WHERE f.event_id = ${events.id} AND f.status = 'published' AND f.group_name = 'all'
      AND f.metric_id = (SELECT id FROM metrics WHERE key = 'deaths')
      ${samePlace ? sql`AND f.location = ${events.country}` : sql``}
    ORDER BY f.reported_on DESC, f.created_at DESC, f.id DESC
    LIMIT 1
  )`;
  const latestDeaths = sql`coalesce(${latest(true)}, ${latest(false)})`;
  return db
    .select({ event: events, deaths: figures })
    .from(events)
    .leftJoin(figures, eq(figures.id, latestDeaths))
    .orderBy(desc(events.startDate), asc(events.name))
    .all()
    .map(({ event, deaths }) => ({ ...event, deaths }));
}
