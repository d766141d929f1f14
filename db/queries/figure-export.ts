import Database from 'better-sqlite3';
import type { FigureFilters } from '@/lib/validation/figure-filters';
import type { Db } from '../index';

/** One figure as the export writes it: the columns of DESIGN.md, then retraction_reason. */
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
};

const SELECT = `
  SELECT e.slug AS event_slug, e.name AS event_name, m.key AS metric, m.label AS metric_label,
         f.group_name AS "group", f.location, f.qualifier, f.value_low, f.value_best, f.value_high,
         f.unit, f.reported_on, s.reporting_body, s.publisher, s.title AS source_title,
         s.url AS source_url, f.quote, f.note, f.status, f.id AS figure_id, f.revision,
         f.updated_at, f.retraction_reason
  FROM figures f
  JOIN events e ON e.id = f.event_id
  JOIN metrics m ON m.id = f.metric_id
  JOIN sources s ON s.id = f.source_id`;

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
  add('f.group_name = @group', 'group', filters.group);
  add('f.location = @location', 'location', filters.location);
  add('f.reported_on >= @from', 'from', filters.from);
  add('f.reported_on <= @to', 'to', filters.to);
  if (filters.status !== 'all') add('f.status = @status', 'status', filters.status);
  return { clause: `WHERE ${conditions.join(' AND ')}`, params };
}

/**
 * The export's statement for `filters`, with its named parameters: what openFigureExport runs,
 * so that a benchmark can hand the very same query to another SQLite client.
 */
export function figureExportQuery(filters: FigureFilters): { sql: string; params: Record<string, string | number> } {
  const { clause, params } = where(filters, 0);
  return { sql: `${SELECT} ${clause} ORDER BY f.id`, params };
}

/** One figure's cells in the order of the statement's columns (`columns`): the export's order. */
export type ExportValues = Array<string | number | null>;

/**
 * The figures matching `filters`, in the order they were entered (figure id), read lazily from a
 * connection of their own, each as an array of cells (better-sqlite3's raw mode: building an
 * object per row cost as much as reading it). Ordering by the primary key lets SQLite hand over
 * the first row without sorting the rest, and the private read-only connection both sees one
 * consistent snapshot (WAL) and leaves the process's shared connection free: better-sqlite3
 * refuses any other statement on a connection while an iterator is open on it. Call `close`
 * when done (also after an early stop); it ends the iteration and closes the connection.
 */
export function openFigureExport(file: string, filters: FigureFilters): { columns: string[]; rows: IterableIterator<ExportValues>; close: () => void } {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    const { sql, params } = figureExportQuery(filters);
    const statement = sqlite.prepare(sql).raw(true);
    const columns = statement.columns().map((c) => c.name);
    const rows = statement.iterate(params) as IterableIterator<ExportValues>;
    let closed = false;
    return {
      columns,
      rows,
      close: () => {
        if (closed) return;
        closed = true;
        rows.return?.();
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

/** Whether an event with this slug exists, and which of these metric keys do not. */
export function catalogHas(db: Db, what: { event?: string; metric?: string[] }): { event: boolean; missingMetrics: string[] } {
  const event = what.event === undefined || db.$client.prepare('SELECT 1 FROM events WHERE slug = ?').get(what.event) !== undefined;
  const findMetric = db.$client.prepare('SELECT 1 FROM metrics WHERE key = ?');
  return { event, missingMetrics: (what.metric ?? []).filter((key) => findMetric.get(key) === undefined) };
}

/** The HXL hashtag of a metric, or undefined when there is no such metric. */
export function metricHxlTag(db: Db, key: string): string | undefined {
  const row = db.$client.prepare('SELECT hxl_tag FROM metrics WHERE key = ?').get(key) as { hxl_tag: string } | undefined;
  return row?.hxl_tag;
}
