import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../index';
import { figures, metrics, sources, type Figure, type Metric, type Source } from '../schema';

export type FigureWithContext = Figure & {
  metric: Pick<Metric, 'key' | 'label' | 'unit' | 'hxlTag' | 'sortOrder'>;
  source: Omit<Source, 'fullText'>;
};

/**
 * Every figure of an event (published and retracted) with its metric and source, in the order a
 * reader scans them: by metric, group, location, then reported-on date.
 */
export function listFiguresForEvent(db: Executor, eventId: number): FigureWithContext[] {
  return db
    .select({
      figure: figures,
      metric: { key: metrics.key, label: metrics.label, unit: metrics.unit, hxlTag: metrics.hxlTag, sortOrder: metrics.sortOrder },
      source: {
        id: sources.id,
        reportingBody: sources.reportingBody,
        publisher: sources.publisher,
        title: sources.title,
        url: sources.url,
        publishedOn: sources.publishedOn,
        createdAt: sources.createdAt,
        updatedAt: sources.updatedAt,
      },
    })
    .from(figures)
    .innerJoin(metrics, eq(metrics.id, figures.metricId))
    .innerJoin(sources, eq(sources.id, figures.sourceId))
    .where(eq(figures.eventId, eventId))
    .orderBy(asc(metrics.sortOrder), asc(figures.group), asc(figures.location), asc(figures.reportedOn), asc(figures.id))
    .all()
    .map(({ figure, metric, source }) => ({ ...figure, metric, source }));
}
