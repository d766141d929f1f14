import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../index';
import { preparedPerConnection } from '../prepared';
import { events, figures, metrics, sources, type AuditEntry } from '../schema';
import { listAuditForEntity } from './audit-read';
import { sourceLabel } from './figure-admin';
import { findFigureWithContext, latestOfSeries, listSeriesAround, type FigureWithContext } from './figures';

/** How many reports of its count a figure's page lists, around the figure itself (the CSV has them all). */
export const SERIES_SHOWN = 200;

type Named = 'eventId' | 'metricId' | 'sourceId';

/** A figure as its public page shows it: the report, its count's reports, and its history on this site. */
export type FigurePage = {
  figure: FigureWithContext;
  event: { slug: string; name: string };
  /** The count's latest published report (its headline, by the event page's rule), when there is one. */
  latest: FigureWithContext | null;
  /** Reports of the same event, metric, group and place by date: at most SERIES_SHOWN, the figure among them. */
  series: FigureWithContext[];
  /** Where the listed reports start among all of the count's, and how many it has. */
  seriesOffset: number;
  seriesCount: number;
  /** How many of the count's reports are retracted. */
  seriesRetracted: number;
  /** The figure's audit entries, newest first. */
  history: AuditEntry[];
  /**
   * Names for the events, metrics and sources the history mentions by id. A source is named only
   * while it is public (some figure cites it); one no longer cited is called just that.
   */
  names: Record<Named, Map<number, string>>;
};

/** The ids of each named kind that some entry's before or after holds. */
function mentionedIds(entries: AuditEntry[]): Record<Named, number[]> {
  const ids: Record<Named, Set<number>> = { eventId: new Set(), metricId: new Set(), sourceId: new Set() };
  for (const entry of entries) {
    for (const snapshot of [entry.before, entry.after]) {
      if (!snapshot || typeof snapshot !== 'object') continue;
      for (const field of Object.keys(ids) as Named[]) {
        const value = (snapshot as Record<string, unknown>)[field];
        if (typeof value === 'number') ids[field].add(value);
      }
    }
  }
  return { eventId: [...ids.eventId], metricId: [...ids.metricId], sourceId: [...ids.sourceId] };
}

function historyNames(db: Executor, entries: AuditEntry[]): Record<Named, Map<number, string>> {
  const ids = mentionedIds(entries);
  const eventRows = ids.eventId.length ? db.select({ id: events.id, name: events.name }).from(events).where(inArray(events.id, ids.eventId)).all() : [];
  const metricRows = ids.metricId.length ? db.select({ id: metrics.id, name: metrics.label }).from(metrics).where(inArray(metrics.id, ids.metricId)).all() : [];
  const sourceRows = ids.sourceId.length
    ? db
        .select({ id: sources.id, reportingBody: sources.reportingBody, publisher: sources.publisher, title: sources.title, publishedOn: sources.publishedOn, url: sources.url })
        .from(sources)
        // Public sources only: the rule of their pages (db/queries/source-page.ts).
        .where(and(inArray(sources.id, ids.sourceId), sql`EXISTS (SELECT 1 FROM figures WHERE source_id = ${sources.id})`))
        .all()
    : [];
  const sourceNames = new Map(sourceRows.map((r) => [r.id, sourceLabel(r)]));
  return {
    eventId: new Map(eventRows.map((r) => [r.id, r.name])),
    metricId: new Map(metricRows.map((r) => [r.id, r.name])),
    // A source nothing cites any more (or removed since) is not public: said, but not named.
    sourceId: new Map(ids.sourceId.map((id) => [id, sourceNames.get(id) ?? 'a source no longer cited on this site'])),
  };
}

/** The figure with this id as its public page shows it, or undefined when there is none. */
export function findFigurePage(db: Executor, id: number): FigurePage | undefined {
  const figure = findFigureWithContext(db, id);
  if (!figure) return undefined;
  const event = db.select({ slug: events.slug, name: events.name }).from(events).where(eq(events.id, figure.eventId)).get()!;
  const inSeries = and(eq(figures.eventId, figure.eventId), eq(figures.metricId, figure.metricId), eq(figures.group, figure.group), eq(figures.location, figure.location));
  const countWhere = (where: SQL | undefined) => db.select({ n: count() }).from(figures).where(where).get()?.n ?? 0;
  // Both counts walk the identity index alone.
  const seriesCount = countWhere(inSeries);
  const before = countWhere(and(inSeries, sql`(${figures.reportedOn}, ${figures.id}) < (${figure.reportedOn}, ${figure.id})`));
  // The reports around this one, in reading order (date reported, then entry): half before it,
  // more on one side where the other runs out.
  const seriesOffset = Math.max(0, Math.min(before - SERIES_SHOWN / 2, seriesCount - SERIES_SHOWN));
  const series = listSeriesAround(db, figure, figure, { before: before - seriesOffset, from: SERIES_SHOWN - (before - seriesOffset) });
  // Retractions are counted from the list when it holds the whole count (the usual case), else read.
  const seriesRetracted = seriesCount <= series.length
    ? series.filter((r) => r.status === 'retracted').length
    : countWhere(and(inSeries, eq(figures.status, 'retracted')));
  const [latestId] = latestOfSeries(db, [figure]);
  const latest = latestId === undefined ? null : latestId === id ? figure : (series.find((r) => r.id === latestId) ?? findFigureWithContext(db, latestId)!);
  const history = listAuditForEntity(db, 'figure', id);
  return { figure, event, latest, series, seriesOffset, seriesCount, seriesRetracted, history, names: historyNames(db, history) };
}

// Asked before a figure's page is served (scripts/serve.ts).
const figureStatement = preparedPerConnection((client) => client.prepare<[number], 1>('SELECT 1 FROM figures WHERE id = ?').pluck());

/** Whether a figure with this id exists: its page does, published or retracted. */
export function figurePageExists(db: Db, id: number): boolean {
  return figureStatement(db).get(id) !== undefined;
}
