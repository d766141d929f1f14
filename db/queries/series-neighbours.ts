import { and, asc, desc, eq, gt, gte, lt, lte, ne, or } from 'drizzle-orm';
import type { Neighbours, NeighbourReport } from '@/lib/plausibility';
import type { Executor } from '../index';
import { figures, sources } from '../schema';

/** A series (event × metric × group × place) and a date in it; `exceptId` is the figure being edited, left out (its id is its place among its day's reports). */
export type SeriesPoint = { eventId: number; metricId: number; group: string; location: string; reportedOn: string; exceptId?: number };

const columns = {
  id: figures.id,
  qualifier: figures.qualifier,
  valueLow: figures.valueLow,
  valueBest: figures.valueBest,
  valueHigh: figures.valueHigh,
  unit: figures.unit,
  reportedOn: figures.reportedOn,
  reportingBody: sources.reportingBody,
  publisher: sources.publisher,
};

/**
 * The series' published reports with a number next to a report on `reportedOn`, in the order of
 * date and then entry (figure id), as the timeline and the import's check order them: the one
 * just before it and the one just after. A new report is entered last, so of its own day every
 * report is before it; a report being edited keeps its place (its own id). Retracted reports and
 * those still being determined are not compared with. Read from the identity index (event, metric,
 * group, place, date).
 */
export function seriesNeighbours(db: Executor, p: SeriesPoint): Neighbours {
  const series = and(
    eq(figures.eventId, p.eventId),
    eq(figures.metricId, p.metricId),
    eq(figures.group, p.group),
    eq(figures.location, p.location),
    eq(figures.status, 'published'),
    ne(figures.qualifier, 'unknown'),
    // The figure being edited, as stored, is not its own neighbour (moved to another day, it would be the nearest).
    p.exceptId === undefined ? undefined : ne(figures.id, p.exceptId),
  );
  const place = p.exceptId ?? Number.MAX_SAFE_INTEGER;
  const query = () => db.select(columns).from(figures).innerJoin(sources, eq(sources.id, figures.sourceId));
  const before: NeighbourReport | undefined = query()
    .where(and(series, lte(figures.reportedOn, p.reportedOn), or(lt(figures.reportedOn, p.reportedOn), lt(figures.id, place))))
    .orderBy(desc(figures.reportedOn), desc(figures.id))
    .limit(1)
    .get();
  const after: NeighbourReport | undefined = query()
    .where(and(series, gte(figures.reportedOn, p.reportedOn), or(gt(figures.reportedOn, p.reportedOn), gt(figures.id, place))))
    .orderBy(asc(figures.reportedOn), asc(figures.id))
    .limit(1)
    .get();
  return { before: before ?? null, after: after ?? null };
}
