import Database from 'better-sqlite3';
import type { FigureFilters } from '@/lib/validation/figure-filters';
import type { Db } from '../index';
import { listMetricCatalog } from './metrics';
import { latestReportIdSql } from './series-summaries';
import { foldCase, matchesFolded, registerTextMatch } from '../text-match';

/** One figure as the export writes it: the columns of DESIGN.md, then retraction_reason, source_id and standing. */
export type ExportRow = {
  event_slug: string;
  event_name: string;
  metric: string;
  metric_label: string;
  group: string;
  location: string;
  qualifier: string;
  value_low: number | null;
  value_best: number | null;
  value_high: number | null;
  unit: string;
  reported_on: string;
  reporting_body: string;
  publisher: string;
  source_title: string;
  source_url: string;
  quote: string | null;
  note: string;
  status: string;
  figure_id: number;
  revision: number;
  updated_at: string;
  retraction_reason: string | null;
  /** The source's id on this site: its page is /sources/ID (with its full text when the site holds it). */
  source_id: number;
  /**
   * Where the report stands in its count (event, metric, group and place), as its page says:
   * `latest` (the number the event page shows), `superseded` (a later report replaced it) or
   * `retracted`.
   */
  standing: 'latest' | 'superseded' | 'retracted';
  /** The source's own date; the import reads it, so that a figure whose date an editor moved finds its source again. */
  source_published_on: string;
};

// Where a report stands in its count. The common case, no count changed outside the app waiting
// for its summary (series_stale empty, read once per statement): latest when it is its count's
// stored headline, one look-up in series_summaries_headline_idx (migration 0010). Otherwise, for a
// count marked stale, the same rule run on its reports (lib/dashboard.ts selectHeadline), and the
// stored headline for the rest. Measured on the bench's 1M database: the raw statement 1.17 s
// without the column, 1.64 s with it, median of 5 (a join on the count's four columns instead:
// 1.80 s).
const sameCount = (alias: string) =>
  `${alias}.event_id = f.event_id AND ${alias}.metric_id = f.metric_id AND ${alias}.group_name = f.group_name AND ${alias}.location = f.location`;
const STANDING = `CASE WHEN f.status = 'retracted' THEN 'retracted'
  WHEN NOT (SELECT EXISTS (SELECT 1 FROM series_stale))
    THEN CASE WHEN EXISTS (SELECT 1 FROM series_summaries h WHERE h.headline_id = f.id) THEN 'latest' ELSE 'superseded' END
  WHEN f.id = CASE WHEN EXISTS (SELECT 1 FROM series_stale st WHERE ${sameCount('st')}) THEN (SELECT l.id FROM stale_latest l WHERE ${sameCount('l')})
    ELSE (SELECT ss.headline_id FROM series_summaries ss WHERE ${sameCount('ss')}) END THEN 'latest'
  ELSE 'superseded' END`;

// Each stale count's latest report, found once per statement (not once per figure of the count,
// which made a large stale count's export quadratic), and only when a stale count is met:
// SQLite materializes a CTE the first time the statement reads it.
const WITH = `WITH stale_latest AS MATERIALIZED (
  SELECT st.event_id, st.metric_id, st.group_name, st.location, ${latestReportIdSql('st')} AS id FROM series_stale st)`;

// The export's columns: [expression, name]. The statement selects them one by one, and the
// export's fast path has SQLite join them into one text per figure (see openFigureExportLines).
const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['e.slug', 'event_slug'], ['e.name', 'event_name'], ['m.key', 'metric'], ['m.label', 'metric_label'],
  ['f.group_name', '"group"'], ['f.location', 'location'], ['f.qualifier', 'qualifier'], ['f.value_low', 'value_low'],
  ['f.value_best', 'value_best'], ['f.value_high', 'value_high'], ['f.unit', 'unit'], ['f.reported_on', 'reported_on'],
  ['s.reporting_body', 'reporting_body'], ['s.publisher', 'publisher'], ['s.title', 'source_title'], ['s.url', 'source_url'],
  ['f.quote', 'quote'], ['f.note', 'note'], ['f.status', 'status'], ['f.id', 'figure_id'], ['f.revision', 'revision'],
  ['f.updated_at', 'updated_at'], ['f.retraction_reason', 'retraction_reason'], ['f.source_id', 'source_id'],
  [STANDING, 'standing'], ['s.published_on', 'source_published_on'],
];

const FROM = `
  FROM figures f
  JOIN events e ON e.id = f.event_id
  JOIN metrics m ON m.id = f.metric_id
  JOIN sources s ON s.id = f.source_id`;

const SELECT = `${WITH} SELECT ${COLUMNS.map(([expression, name]) => `${expression} AS ${name}`).join(', ')} ${FROM}`;

// Named parameters bound only when their filter is set; the WHERE clause names each once.
function where(filters: FigureFilters, afterId: number): { clause: string; params: Record<string, string | number> } {
  const conditions = ['f.id > @afterId'];
  const params: Record<string, string | number> = { afterId };
  const add = (condition: string, name: string, value: string | undefined) => {
    if (!value) return;
    conditions.push(condition);
    params[name] = value;
  };
  add('e.slug = @event', 'event', filters.event);
  if (filters.metric?.length) {
    conditions.push(`m.key IN (${filters.metric.map((_, i) => `@metric${i}`).join(', ')})`);
    filters.metric.forEach((key, i) => (params[`metric${i}`] = key));
  }
  // A group or place matches in any letter case (db/text-match.ts): "almaty" finds "Almaty".
  add(matchesFolded('f.group_name', 'group'), 'group', filters.group && foldCase(filters.group));
  add(matchesFolded('f.location', 'location'), 'location', filters.location && foldCase(filters.location));
  add('f.reported_on >= @from', 'from', filters.from);
  add('f.reported_on <= @to', 'to', filters.to);
  if (filters.status !== 'all') add('f.status = @status', 'status', filters.status);
  return { clause: `WHERE ${conditions.join(' AND ')}`, params };
}

/**
 * The export's statement for `filters`, with its named parameters: the rows and columns the
 * export writes, so that a benchmark can hand the same query to another SQLite client (without a
 * group or location filter: those call fold_case, which only this app's connections have).
 */
export function figureExportQuery(filters: FigureFilters): { sql: string; params: Record<string, string | number> } {
  const { clause, params } = where(filters, 0);
  return { sql: `${SELECT} ${clause} ORDER BY f.id`, params };
}

/** One figure's cells in the order of the statement's columns (`columns`): the export's order. */
export type ExportValues = Array<string | number | null>;

/** One figure as SQLite joined its cells (NULL as ''), with its id. */
export type JoinedFigure = [id: number, cells: string];

/**
 * The figures matching `filters`, in the order they were entered (figure id: ordering by the
 * primary key lets SQLite hand over the first rows without sorting the rest), read a page at a time, each figure
 * as one text of its cells joined by `separator` (SQLite's concat_ws): one JavaScript string
 * per figure instead of 23 values, which was most of the export's time. The pages are read in
 * one read transaction on a private read-only connection, so they are one consistent snapshot
 * and the connection is free between pages for `cells`, which reads one figure's cells (for a
 * figure whose joined text cannot be split back). Call `close` when done.
 */
export function openFigureExportLines(
  file: string,
  filters: FigureFilters,
  separator: string,
): { columns: string[]; nextPage: (size: number) => JoinedFigure[]; cells: (id: number) => ExportValues; close: () => void } {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    registerTextMatch(sqlite);
    const { clause, params } = where(filters, 0);
    const joined = COLUMNS.map(([expression]) => `coalesce(${expression}, '')`).join(', ');
    const page = sqlite.prepare(`${WITH} SELECT f.id, concat_ws(@separator, ${joined}) ${FROM} ${clause} ORDER BY f.id LIMIT @limit`).raw(true);
    const one = sqlite.prepare(`${SELECT} WHERE f.id = ?`).raw(true);
    const columns = one.columns().map((c) => c.name);
    // The snapshot starts with the first page's read and lasts until close.
    sqlite.exec('BEGIN');
    let afterId = 0;
    let closed = false;
    return {
      columns,
      nextPage: (size) => {
        const rows = page.all({ ...params, afterId, separator, limit: size }) as JoinedFigure[];
        if (rows.length) afterId = rows[rows.length - 1]![0];
        return rows;
      },
      cells: (id) => one.get(id) as ExportValues,
      close: () => {
        if (closed) return;
        closed = true;
        sqlite.close();
      },
    };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

/** One page of the JSON API: up to `limit` figures after the figure `afterId`, and whether more follow. */
export function listFigurePage(db: Db, filters: FigureFilters, afterId: number, limit: number): { rows: ExportRow[]; hasMore: boolean } {
  const { clause, params } = where(filters, afterId);
  const rows = db.$client.prepare(`${SELECT} ${clause} ORDER BY f.id LIMIT @limit`).all({ ...params, limit: limit + 1 }) as ExportRow[];
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/**
 * Whether an event with this slug exists, which of these metric keys do not, and (when any is
 * missing) the keys that do, in the metrics' order, so that the answer can name them. Groups and
 * places are checked against listCountedNames (series-summaries.ts), once per data version.
 */
export function catalogHas(db: Db, what: { event?: string; metric?: string[] }): { event: boolean; missingMetrics: string[]; knownMetrics: string[] } {
  const event = what.event === undefined || db.$client.prepare('SELECT 1 FROM events WHERE slug = ?').get(what.event) !== undefined;
  const findMetric = db.$client.prepare('SELECT 1 FROM metrics WHERE key = ?');
  const missingMetrics = (what.metric ?? []).filter((key) => findMetric.get(key) === undefined);
  const knownMetrics = missingMetrics.length ? listMetricCatalog(db).map((m) => m.key) : [];
  return { event, missingMetrics, knownMetrics };
}

const KNOWN_SHOWN = 20;

/**
 * The groups or the places figures count (of one event, when its slug is given), in alphabetical
 * order, at most twenty, for an answer that refuses an unknown one: read from the series
 * summaries (one row a count), not the figures.
 */
export function knownValues(db: Db, column: 'group_name' | 'location', eventSlug?: string): { values: string[]; more: boolean } {
  const sql = eventSlug === undefined
    ? `SELECT DISTINCT ${column} FROM series_summaries ORDER BY 1 LIMIT ${KNOWN_SHOWN + 1}`
    : `SELECT DISTINCT ss.${column} FROM series_summaries ss JOIN events e ON e.id = ss.event_id WHERE e.slug = ? ORDER BY 1 LIMIT ${KNOWN_SHOWN + 1}`;
  const rows = db.$client.prepare(sql).pluck().all(...(eventSlug === undefined ? [] : [eventSlug])) as string[];
  return { values: rows.slice(0, KNOWN_SHOWN), more: rows.length > KNOWN_SHOWN };
}

/** The HXL hashtag of a metric, or undefined when there is no such metric. */
export function metricHxlTag(db: Db, key: string): string | undefined {
  const row = db.$client.prepare('SELECT hxl_tag FROM metrics WHERE key = ?').get(key) as { hxl_tag: string } | undefined;
  return row?.hxl_tag;
}
