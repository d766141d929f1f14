import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../index';
import type { Qualifier, Source } from '../schema';

/** One series of an event: how often it was reported, its headline, and the span of published numbers. */
export type SeriesSummaryRow = {
  eventId: number;
  metricId: number;
  group: string;
  location: string;
  reportCount: number;
  /** The latest published report by reported-on date (ties: the latest entered), as lib/dashboard.ts selectHeadline. */
  headlineId: number | null;
  /** The headline's high end, else its number; -1 when it has none. */
  headlineSize: number;
  /** Published reports with a number, their lowest low and highest high, and how many sources gave them. */
  numericReports: number;
  low: number | null;
  high: number | null;
  numericSources: number;
  /** When a report of the series last changed. */
  lastUpdatedAt: string;
  /** How a report that gave the lowest low, and one that gave the highest high, qualified it. */
  lowQualifier: Qualifier | null;
  highQualifier: Qualifier | null;
  /** How many of its reports are retracted. */
  retractedReports: number;
};

const NUMERIC = sql`f.status = 'published' AND f.qualifier <> 'unknown'`;

/**
 * The id of the latest published report of the series that `series` (a table alias with
 * event_id, metric_id, group_name and location) names: lib/dashboard.ts selectHeadline's rule
 * (newest reported, then newest entered), as SQL text. The stored summaries and the export's
 * `standing` (db/queries/figure-export.ts) both take it from here.
 */
export function latestReportIdSql(series: string): string {
  return `(SELECT g.id FROM figures g
          WHERE g.event_id = ${series}.event_id AND g.metric_id = ${series}.metric_id AND g.group_name = ${series}.group_name
            AND g.location = ${series}.location AND g.status = 'published'
          ORDER BY g.reported_on DESC, g.created_at DESC, g.id DESC LIMIT 1)`;
}

/**
 * The summary of every stale series that `scope` (a condition on `series_stale d`) keeps, computed
 * from its reports: the rules of lib/dashboard.ts (selectHeadline, reportedRange), written once
 * here for both the stored summaries and a reader's live fallback. A test holds them to the
 * reference computed from every figure.
 */
function summarizeStale(scope: SQL): SQL {
  return sql`
    SELECT s.event_id AS event_id, s.metric_id AS metric_id, s.group_name AS group_name, s.location AS location,
      s.report_count AS report_count, s.headline_id AS headline_id, coalesce(h.value_high, h.value_best, -1) AS headline_size,
      s.numeric_reports AS numeric_reports, s.low AS low, s.high AS high, s.numeric_sources AS numeric_sources,
      s.last_updated_at AS last_updated_at, substr(s.low_end, 21) AS low_qualifier, substr(s.high_end, 21) AS high_qualifier,
      s.retracted_reports AS retracted_reports
    FROM (
      SELECT d.event_id, d.metric_id, d.group_name, d.location, count(*) AS report_count,
        ${sql.raw(latestReportIdSql('d'))} AS headline_id,
        sum(CASE WHEN ${NUMERIC} THEN 1 ELSE 0 END) AS numeric_reports,
        min(CASE WHEN ${NUMERIC} THEN coalesce(f.value_low, f.value_best, 0) END) AS low,
        max(CASE WHEN ${NUMERIC} THEN coalesce(f.value_high, f.value_best, 0) END) AS high,
        count(DISTINCT CASE WHEN ${NUMERIC} THEN f.source_id END) AS numeric_sources,
        max(f.updated_at) AS last_updated_at,
        -- The lowest low and highest high with the qualifier of a report that gave them ("more
        -- than 400"), in one pass: the number zero-padded to 20 digits, then the qualifier, so the
        -- smallest text is the smallest number (ties: the qualifier first in the alphabet). As
        -- lib/dashboard.ts reportedRange.
        min(CASE WHEN ${NUMERIC} THEN printf('%020d', coalesce(f.value_low, f.value_best, 0)) || f.qualifier END) AS low_end,
        max(CASE WHEN ${NUMERIC} THEN printf('%020d', coalesce(f.value_high, f.value_best, 0)) || f.qualifier END) AS high_end,
        sum(CASE WHEN f.status = 'retracted' THEN 1 ELSE 0 END) AS retracted_reports
      -- CROSS JOIN: the stale series drive the loop, each reading its own reports through the
      -- identity index. A plain JOIN let SQLite scan every figure of every event in index order
      -- to avoid sorting for the GROUP BY (118 ms a save at a million figures).
      FROM series_stale d
      CROSS JOIN figures f ON f.event_id = d.event_id AND f.metric_id = d.metric_id AND f.group_name = d.group_name AND f.location = d.location
      WHERE ${scope}
      GROUP BY d.event_id, d.metric_id, d.group_name, d.location
    ) s
    LEFT JOIN figures h ON h.id = s.headline_id`;
}

/** Whether any series waits for its summary to be recomputed. */
export function hasStaleSeries(db: Executor): boolean {
  return db.get(sql`SELECT 1 FROM series_stale LIMIT 1`) !== undefined;
}

/**
 * Recomputes the summaries of the series that writes in this transaction marked stale (the
 * triggers of migration 0004), then clears the marks. Every write path calls it before it
 * commits; one statement per step, so a large import pays once, not once per row.
 */
export function refreshStaleSeries(db: Executor): void {
  if (!hasStaleSeries(db)) return;
  db.run(sql`
    DELETE FROM series_summaries
    WHERE (event_id, metric_id, group_name, location) IN (SELECT event_id, metric_id, group_name, location FROM series_stale)`);
  db.run(sql`
    INSERT INTO series_summaries (event_id, metric_id, group_name, location, report_count, headline_id, headline_size,
      numeric_reports, low, high, numeric_sources, last_updated_at, low_qualifier, high_qualifier, retracted_reports, rev)
    SELECT *, (SELECT version FROM data_version WHERE id = 1) FROM (${summarizeStale(sql`1`)})`);
  // Each event a stale series belongs to gets its sources counted again: a few milliseconds a
  // write, instead of on every render of the page.
  db.run(sql`DELETE FROM event_sources WHERE event_id IN (SELECT DISTINCT event_id FROM series_stale)`);
  db.run(sql`
    INSERT INTO event_sources (event_id, source_id, first_reported_on, first_figure_id)
    SELECT event_id, source_id, min(reported_on), min(id) FROM figures
    WHERE event_id IN (SELECT DISTINCT event_id FROM series_stale)
    GROUP BY event_id, +source_id`);
  // Each of those events' pages changed: the page cache goes by this (db/queries/data-version.ts).
  db.run(sql`
    INSERT INTO event_revisions (event_id, rev)
    SELECT DISTINCT event_id, (SELECT version FROM data_version WHERE id = 1) FROM series_stale WHERE true
    ON CONFLICT (event_id) DO UPDATE SET rev = excluded.rev`);
  db.run(sql`DELETE FROM series_stale`);
}

const COLUMNS = sql`event_id, metric_id, group_name, location, report_count, headline_id, headline_size, numeric_reports, low, high, numeric_sources, last_updated_at, low_qualifier, high_qualifier, retracted_reports`;

type SummaryArray = [number, number, string, string, number, number | null, number, number, number | null, number | null, number, string, Qualifier | null, Qualifier | null, number];

/** That the rows of tables `a` and `b` (aliases) are of the same series. */
const sameSeries = (a: string, b: string) =>
  sql.raw(`${a}.event_id = ${b}.event_id AND ${a}.metric_id = ${b}.metric_id AND ${a}.group_name = ${b}.group_name AND ${a}.location = ${b}.location`);

/**
 * Every group and every place the figures count, from the stored summaries (one row a count;
 * about 0.1 s at a million figures): what the API checks a group or place filter against
 * (lib/api/counted-names.ts), instead of scanning the figures. A series left stale by a change
 * outside this project's writes is counted only while a figure is still in it.
 */
export function listCountedNames(db: Executor): { groups: string[]; places: string[] } {
  const anyStale = db.get(sql`SELECT 1 FROM series_stale LIMIT 1`);
  const names = (name: 'group_name' | 'location') => {
    const column = sql.raw(name);
    const query = anyStale
      ? sql`SELECT s.${column} FROM series_summaries s WHERE NOT EXISTS (SELECT 1 FROM series_stale d WHERE ${sameSeries('d', 's')})
            UNION SELECT d.${column} FROM series_stale d WHERE EXISTS (SELECT 1 FROM figures f WHERE ${sameSeries('f', 'd')})`
      : sql`SELECT DISTINCT ${column} FROM series_summaries`;
    return db.values<[string]>(query).map((r) => r[0]);
  };
  return { groups: names('group_name'), places: names('location') };
}

/**
 * The series that `scope` keeps (a condition on the columns event_id and metric_id), one row
 * each, read from the stored summaries. A series still marked stale (changed outside this
 * project's write paths, which refresh before they commit) is computed from its reports
 * instead, so a reader never sees a stale summary.
 */
function readSummaries(db: Executor, scope: (table: SQL) => SQL): SeriesSummaryRow[] {
  const [s, d] = [sql.raw('s'), sql.raw('d')];
  const anyStale = db.get(sql`SELECT 1 FROM series_stale d WHERE ${scope(d)} LIMIT 1`);
  // Read as arrays: thousands of rows a render, and objects cost twice the time.
  const rows = anyStale
    ? db.values<SummaryArray>(sql`
        SELECT ${COLUMNS} FROM series_summaries s
        WHERE ${scope(s)} AND NOT EXISTS (SELECT 1 FROM series_stale d WHERE ${sameSeries('d', 's')})
        UNION ALL
        SELECT ${COLUMNS} FROM (${summarizeStale(scope(d))})`)
    : db.values<SummaryArray>(sql`SELECT ${COLUMNS} FROM series_summaries s WHERE ${scope(s)}`);
  return rows.map(toRow);
}

function toRow(r: SummaryArray): SeriesSummaryRow {
  return {
    eventId: r[0], metricId: r[1], group: r[2], location: r[3], reportCount: r[4], headlineId: r[5], headlineSize: r[6],
    numericReports: r[7], low: r[8], high: r[9], numericSources: r[10], lastUpdatedAt: r[11],
    lowQualifier: r[12], highQualifier: r[13], retractedReports: r[14],
  };
}

/** Every series of an event. */
export function listSeriesSummaries(db: Executor, eventId: number): SeriesSummaryRow[] {
  return readSummaries(db, (t) => sql`${t}.event_id = ${eventId}`);
}

/**
 * What changed in an event's series since a reader's data version: the summaries recomputed by
 * later writes, how many series there are now (fewer when a series lost its last report), and
 * when a report of the event last changed.
 * Null while a series of the event is still stale: then only a full read is right.
 */
export function seriesSummariesChangedSince(
  db: Executor,
  eventId: number,
  version: number,
): { changed: SeriesSummaryRow[]; count: number; lastUpdatedAt: string | null } | null {
  if (db.get(sql`SELECT 1 FROM series_stale WHERE event_id = ${eventId} LIMIT 1`)) return null;
  const rows = db.values<SummaryArray>(sql`SELECT ${COLUMNS} FROM series_summaries WHERE event_id = ${eventId} AND rev > ${version}`);
  const all = db.get<{ n: number; at: string | null }>(sql`SELECT count(*) AS n, max(last_updated_at) AS at FROM series_summaries WHERE event_id = ${eventId}`)!;
  return { changed: rows.map(toRow), count: all.n, lastUpdatedAt: all.at };
}

/**
 * Every series of one metric across events (the event list's headline deaths), or across the
 * events `eventIds` only.
 */
export function listMetricSeriesSummaries(db: Executor, metricKey: string, eventIds?: number[]): SeriesSummaryRow[] {
  if (eventIds?.length === 0) return [];
  const events = (t: SQL) => (eventIds ? sql` AND ${t}.event_id IN (${sql.join(eventIds.map((id) => sql`${id}`), sql`, `)})` : sql``);
  return readSummaries(db, (t) => sql`${t}.metric_id = (SELECT id FROM metrics WHERE key = ${metricKey})${events(t)}`);
}

/** The sources an event's figures cite, each with the date of its earliest report and its first figure. */
export type EventSourceRow = Omit<Source, 'fullText'> & { firstReportedOn: string; firstFigureId: number };

/**
 * The sources of an event, from the stored counts; while a series of the event is still stale,
 * counted from its reports. `GROUP BY +source_id`: grouped by the plain column, SQLite would walk
 * the source index over every event's figures; the unary plus keeps it on this event's rows.
 */
export function listEventSources(db: Executor, eventId: number): EventSourceRow[] {
  const stale = db.get(sql`SELECT 1 FROM series_stale WHERE event_id = ${eventId} LIMIT 1`);
  const counts = stale
    ? sql`SELECT source_id, min(reported_on) AS first_reported_on, min(id) AS first_figure_id FROM figures WHERE event_id = ${eventId} GROUP BY +source_id`
    : sql`SELECT source_id, first_reported_on, first_figure_id FROM event_sources WHERE event_id = ${eventId}`;
  return db.all<EventSourceRow>(sql`
    SELECT s.id, s.reporting_body AS reportingBody, s.publisher, s.title, s.url, s.published_on AS publishedOn,
      s.created_at AS createdAt, s.updated_at AS updatedAt, c.first_reported_on AS firstReportedOn, c.first_figure_id AS firstFigureId
    FROM (${counts}) c
    JOIN sources s ON s.id = c.source_id`);
}
