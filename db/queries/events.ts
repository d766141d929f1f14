import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Executor } from '../index';
import { preparedPerConnection, preparedQueryPer } from '../prepared';
import { events, figures, sources, type Event, type Figure, type Source } from '../schema';

/** Whether the database holds no events yet (a new file, or one only migrated). */
export function isEmpty(db: Executor): boolean {
  return db.select({ id: events.id }).from(events).limit(1).get() === undefined;
}

/** Every event, most recent first. */
export function listEvents(db: Executor): Event[] {
  return db.select().from(events).orderBy(desc(events.startDate), asc(events.name)).all();
}

// Asked by every render of an event page (its metadata and its body): prepared once per connection.
const eventBySlugQuery = preparedQueryPer((db) => db.select().from(events).where(eq(events.slug, sql.placeholder('slug'))).prepare());

/** The event with this slug, or undefined. */
export function findEventBySlug(db: Executor, slug: string): Event | undefined {
  return eventBySlugQuery(db).get({ slug });
}

// Asked before every event page is served (scripts/serve.ts).
const slugStatement = preparedPerConnection((client) => client.prepare<[string], 1>('SELECT 1 FROM events WHERE slug = ?').pluck());

/** Whether an event has this slug: one indexed look-up. */
export function eventSlugExists(db: Db, slug: string): boolean {
  return slugStatement(db).get(slug) !== undefined;
}

/** The source a figure is cited to, as a citation names it. */
export type FigureSource = Pick<Source, 'id' | 'reportingBody' | 'publisher' | 'title' | 'url' | 'publishedOn'>;

/** The figures with these ids, each with its source. */
export function listFiguresByIds(db: Executor, ids: number[]): Array<Figure & { source: FigureSource }> {
  if (!ids.length) return [];
  return db
    .select({
      figure: figures,
      source: { id: sources.id, reportingBody: sources.reportingBody, publisher: sources.publisher, title: sources.title, url: sources.url, publishedOn: sources.publishedOn },
    })
    .from(figures)
    .innerJoin(sources, eq(sources.id, figures.sourceId))
    .where(inArray(figures.id, ids))
    .all()
    .map((r) => ({ ...r.figure, source: r.source }));
}
