import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../index';
import { preparedQueryPer } from '../prepared';
import { figures, metrics, sources, type Figure, type Metric, type Source } from '../schema';

export type FigureWithContext = Figure & {
  metric: Pick<Metric, 'key' | 'label' | 'unit' | 'hxlTag' | 'sortOrder'>;
  source: Omit<Source, 'fullText'>;
};

type FigureRow = [
  id: number, eventId: number, metricId: number, group: string, location: string, qualifier: Figure['qualifier'],
  valueLow: number | null, valueBest: number | null, valueHigh: number | null, unit: string, reportedOn: string, sourceId: number,
  quote: string | null, note: string, status: Figure['status'], retractionReason: string | null, revision: number, createdAt: string, updatedAt: string,
  metricKey: string, metricLabel: string, metricUnit: string, hxlTag: string, sortOrder: number,
  reportingBody: string, publisher: string, title: string, url: string, publishedOn: string, sourceCreatedAt: string, sourceUpdatedAt: string,
];

/** The order a reader scans reports in: by metric (as the page orders them), group, place, then reported-on date. */
const READING_ORDER = [asc(metrics.sortOrder), asc(metrics.key), asc(figures.group), asc(figures.location), asc(figures.reportedOn), asc(figures.id)];
/** The same order within one metric: the identity index's, so a page is read without sorting the event. */
const METRIC_READING_ORDER = READING_ORDER.slice(2);

/** The columns of a FigureRow, in its order. */
const FIGURE_COLUMNS = {
  id: figures.id, eventId: figures.eventId, metricId: figures.metricId, group: figures.group, location: figures.location,
  qualifier: figures.qualifier, valueLow: figures.valueLow, valueBest: figures.valueBest, valueHigh: figures.valueHigh,
  unit: figures.unit, reportedOn: figures.reportedOn, sourceId: figures.sourceId, quote: figures.quote, note: figures.note,
  status: figures.status, retractionReason: figures.retractionReason, revision: figures.revision, createdAt: figures.createdAt,
  updatedAt: figures.updatedAt,
  metricKey: metrics.key, metricLabel: metrics.label, metricUnit: metrics.unit, hxlTag: metrics.hxlTag, sortOrder: metrics.sortOrder,
  reportingBody: sources.reportingBody, publisher: sources.publisher, title: sources.title, url: sources.url,
  publishedOn: sources.publishedOn, sourceCreatedAt: sources.createdAt, sourceUpdatedAt: sources.updatedAt,
};

/** Figures joined to their metric and source, filtered by `where`. */
const figuresWhere = (db: Executor, where: SQL | undefined) =>
  db
    .select(FIGURE_COLUMNS)
    .from(figures)
    .innerJoin(metrics, eq(metrics.id, figures.metricId))
    .innerJoin(sources, eq(sources.id, figures.sourceId))
    .where(where);

/**
 * Figures with their metric and source, read as arrays: each metric and source becomes one
 * shared object, since drizzle's per-row object mapping was most of the event page's time.
 */
function selectFigures(db: Executor, where: SQL | undefined, page?: { limit: number; offset: number }, order = READING_ORDER): FigureWithContext[] {
  const query = figuresWhere(db, where).orderBy(...order);
  return withContext((page ? query.limit(page.limit).offset(page.offset) : query).values() as FigureRow[]);
}

function withContext(rows: FigureRow[]): FigureWithContext[] {
  const metricById = new Map<number, FigureWithContext['metric']>();
  const sourceById = new Map<number, FigureWithContext['source']>();
  return rows.map((r): FigureWithContext => {
    let metric = metricById.get(r[2]);
    if (!metric) metricById.set(r[2], (metric = { key: r[19], label: r[20], unit: r[21], hxlTag: r[22], sortOrder: r[23] }));
    let source = sourceById.get(r[11]);
    if (!source) {
      source = { id: r[11], reportingBody: r[24], publisher: r[25], title: r[26], url: r[27], publishedOn: r[28], createdAt: r[29], updatedAt: r[30] };
      sourceById.set(r[11], source);
    }
    return {
      id: r[0], eventId: r[1], metricId: r[2], group: r[3], location: r[4], qualifier: r[5], valueLow: r[6], valueBest: r[7], valueHigh: r[8],
      unit: r[9], reportedOn: r[10], sourceId: r[11], quote: r[12], note: r[13], status: r[14], retractionReason: r[15], revision: r[16],
      createdAt: r[17], updatedAt: r[18], metric, source,
    };
  });
}

// The event page's three reads of figures, asked on every render after a change: built and
// prepared once per connection, with placeholders (a list of ids or of counts goes in as JSON).
const byIdsQuery = preparedQueryPer((db) =>
  // By primary key: `+event_id` keeps SQLite from walking the event's index instead when the
  // database has no statistics (ANALYZE), as a seeded or edited one does not.
  figuresWhere(db, and(sql`${figures.id} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`, sql`+${figures.eventId} = ${sql.placeholder('eventId')}`))
    .orderBy(...READING_ORDER)
    .prepare(),
);
const metricPageQuery = preparedQueryPer((db) =>
  figuresWhere(db, and(eq(figures.eventId, sql.placeholder('eventId')), eq(figures.metricId, sql.placeholder('metricId'))))
    .orderBy(...METRIC_READING_ORDER)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare(),
);
const seriesReportsQuery = preparedQueryPer((db) =>
  figuresWhere(
    db,
    and(
      eq(figures.eventId, sql.placeholder('eventId')),
      sql`(${figures.metricId}, ${figures.group}, ${figures.location}) IN (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(${sql.placeholder('series')}))`,
    ),
  )
    .orderBy(...READING_ORDER)
    .prepare(),
);

/** Every figure of an event (published and retracted) with its metric and source, in reading order. */
export function listFiguresForEvent(db: Executor, eventId: number): FigureWithContext[] {
  return selectFigures(db, eq(figures.eventId, eventId));
}

/** A page of one metric's reports of an event, in reading order (the "All reports" table). */
export function listMetricFiguresPage(db: Executor, eventId: number, metricId: number, page: { limit: number; offset: number }): FigureWithContext[] {
  return withContext(metricPageQuery(db).values({ eventId, metricId, ...page }) as FigureRow[]);
}

/** The figures of an event with these ids, in reading order. */
export function listEventFiguresByIds(db: Executor, eventId: number, ids: number[]): FigureWithContext[] {
  return ids.length ? withContext(byIdsQuery(db).values({ eventId, ids: JSON.stringify(ids) }) as FigureRow[]) : [];
}

/** Every report of some series (metric × group × place) of an event, in reading order; one page of them when given. */
export function listSeriesReports(
  db: Executor,
  eventId: number,
  series: Array<{ metricId: number; group: string; location: string }>,
): FigureWithContext[] {
  if (!series.length) return [];
  const scopes = JSON.stringify(series.map((s) => [s.metricId, s.group, s.location]));
  return withContext(seriesReportsQuery(db).values({ eventId, series: scopes }) as FigureRow[]);
}

/**
 * Reports of one count on either side of one of them, in reading order (date reported, then
 * entry): the `before` reports just before `at`, then `at` and the reports after it, `from` in
 * all. Each side is one walk of the identity index from `at` (no OFFSET), so a report deep in a
 * count of tens of thousands costs what the first one does.
 */
export function listSeriesAround(
  db: Executor,
  scope: SeriesScope,
  at: Pick<Figure, 'reportedOn' | 'id'>,
  counts: { before: number; from: number },
): FigureWithContext[] {
  const inSeries = and(eq(figures.eventId, scope.eventId), eq(figures.metricId, scope.metricId), eq(figures.group, scope.group), eq(figures.location, scope.location));
  const point = sql`(${figures.reportedOn}, ${figures.id})`;
  const here = sql`(${at.reportedOn}, ${at.id})`;
  const earlier = counts.before > 0
    ? selectFigures(db, and(inSeries, sql`${point} < ${here}`), { limit: counts.before, offset: 0 }, [desc(figures.reportedOn), desc(figures.id)]).reverse()
    : [];
  const later = counts.from > 0 ? selectFigures(db, and(inSeries, sql`${point} >= ${here}`), { limit: counts.from, offset: 0 }, [asc(figures.reportedOn), asc(figures.id)]) : [];
  return [...earlier, ...later];
}

/**
 * A page of the figures that cite a source, in the order they were entered: the source's index
 * holds them in that order, so a source cited tens of thousands of times is never sorted.
 */
export function listSourceFigures(db: Executor, sourceId: number, page: { limit: number; offset: number }): FigureWithContext[] {
  return selectFigures(db, eq(figures.sourceId, sourceId), page, [asc(figures.id)]);
}

/** A count: one event's reports of one metric for one group in one place. */
export type SeriesScope = Pick<Figure, 'eventId' | 'metricId' | 'group' | 'location'>;

/**
 * The latest published report of each of these counts, by figure id: the headline rule of
 * lib/dashboard.ts selectHeadline (the latest by date reported, then by entry). A count with no
 * published report has none. One statement for any number of counts, each by the identity index.
 */
export function latestOfSeries(db: Executor, series: SeriesScope[]): Set<number> {
  if (!series.length) return new Set();
  const rows = db.values<[number | null]>(sql`
    SELECT (
      SELECT f.id FROM figures f
      WHERE f.event_id = s.value ->> 0 AND f.metric_id = s.value ->> 1 AND f.group_name = s.value ->> 2 AND f.location = s.value ->> 3
        AND f.status = 'published'
      ORDER BY f.reported_on DESC, f.created_at DESC, f.id DESC LIMIT 1)
    FROM json_each(${JSON.stringify(series.map((x) => [x.eventId, x.metricId, x.group, x.location]))}) s`);
  return new Set(rows.flatMap(([id]) => (id === null ? [] : [id])));
}

/** One figure with its metric and source, published or retracted. */
export function findFigureWithContext(db: Executor, id: number): FigureWithContext | undefined {
  return selectFigures(db, eq(figures.id, id))[0];
}

/** The distinct verbatim quotes of an event's figures, by source, earliest reported first. */
export function listEventQuotes(db: Executor, eventId: number): Array<{ sourceId: number; quote: string }> {
  return db.all<{ sourceId: number; quote: string }>(sql`
    SELECT source_id AS sourceId, quote FROM figures
    WHERE event_id = ${eventId} AND quote IS NOT NULL AND quote <> ''
    GROUP BY source_id, quote
    ORDER BY min(reported_on), min(id)`);
}
