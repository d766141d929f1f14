import { and, asc, desc, eq, gt, lte, ne, sql } from 'drizzle-orm';
import type { Neighbours, NeighbourReport } from '@/lib/plausibility';
import type { Executor } from '../index';
import { figures, sources } from '../schema';

/** A series (event × metric × group × place) and a date in it; `exceptId` is the figure being edited, left out. */
export type SeriesPoint = { eventId: number; metricId: number; group: string; location: string; reportedOn: string; exceptId?: number };

const columns = {
  id: figures.id,
  qualifier: figures.qualifier,
  valueLow: figures.valueLow,
  valueBest: figures.valueBest,
  valueHigh: figures.valueHigh,
  unit: figures.unit,
  reportedOn: figures.reportedOn,
  publisher: sql<string>`coalesce(nullif(${sources.publisher}, ''), ${sources.reportingBody})`,
};

/**
 * The series' published reports with a number nearest `reportedOn`: the last on or before it (of
 * one day, the latest entered) and the first after it. Retracted reports and those still being
 * determined are not compared with. Read from the identity index (event, metric, group, place, date).
 */
export function seriesNeighbours(db: Executor, p: SeriesPoint): Neighbours {
  const series = and(
    eq(figures.eventId, p.eventId),
    eq(figures.metricId, p.metricId),
    eq(figures.group, p.group),
    eq(figures.location, p.location),
    eq(figures.status, 'published'),
    ne(figures.qualifier, 'unknown'),
    p.exceptId === undefined ? undefined : ne(figures.id, p.exceptId),
  );
  const query = () => db.select(columns).from(figures).innerJoin(sources, eq(sources.id, figures.sourceId));
  const before: NeighbourReport | undefined = query()
    .where(and(series, lte(figures.reportedOn, p.reportedOn)))
    .orderBy(desc(figures.reportedOn), desc(figures.id))
    .limit(1)
    .get();
  const after: NeighbourReport | undefined = query()
    .where(and(series, gt(figures.reportedOn, p.reportedOn)))
    .orderBy(asc(figures.reportedOn), asc(figures.id))
    .limit(1)
    .get();
  return { before: before ?? null, after: after ?? null };
}
