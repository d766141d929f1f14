import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
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

/** A series (group × place) of one metric in one event: how often reported, and its headline. */
export type MetricSeriesSummary = { eventId: number; group: string; location: string; reportCount: number; headlineId: number | null };

/**
 * Every series of a metric across events, with its report count and its headline (the latest
 * published report by reported-on date, ties: the latest entered), for choosing each event's
 * primary figure without loading all its reports.
 */
export function listMetricSeries(db: Executor, metricKey: string): MetricSeriesSummary[] {
  return db.all<MetricSeriesSummary>(sql`
    SELECT f.event_id AS eventId, f.group_name AS "group", f.location AS location, count(*) AS reportCount,
      (SELECT g.id FROM figures g
        WHERE g.event_id = f.event_id AND g.metric_id = f.metric_id AND g.group_name = f.group_name
          AND g.location = f.location AND g.status = 'published'
        ORDER BY g.reported_on DESC, g.created_at DESC, g.id DESC LIMIT 1) AS headlineId
    FROM figures f
    WHERE f.metric_id = (SELECT id FROM metrics WHERE key = ${metricKey})
    GROUP BY f.event_id, f.group_name, f.location`);
}

/** The figures with these ids. */
export function listFiguresByIds(db: Executor, ids: number[]): Figure[] {
  return ids.length ? db.select().from(figures).where(inArray(figures.id, ids)).all() : [];
}
