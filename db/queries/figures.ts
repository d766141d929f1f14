import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../index';
import { figures, metrics, sources, type Figure, type Metric, type Source } from '../schema';

export type FigureWithContext = Figure & {
  metric: Pick<Metric, 'key' | 'label' | 'unit' | 'hxlTag' | 'sortOrder'>;
  source: Omit<Source, 'fullText'>;
};

/**
 * Every figure of an event (published and retracted) with its metric and source, in the order a
 * reader scans them: by metric, group, location, then reported-on date. Rows come back as arrays
 * and each metric and source becomes one shared object: an event can have tens of thousands of
 * figures and few sources, and per-row object mapping was most of the page's time.
 */
export function listFiguresForEvent(db: Executor, eventId: number): FigureWithContext[] {
  const rows = db
    .select({
      id: figures.id,
      eventId: figures.eventId,
      metricId: figures.metricId,
      group: figures.group,
      location: figures.location,
      qualifier: figures.qualifier,
      valueLow: figures.valueLow,
      valueBest: figures.valueBest,
      valueHigh: figures.valueHigh,
      unit: figures.unit,
      reportedOn: figures.reportedOn,
      sourceId: figures.sourceId,
      quote: figures.quote,
      note: figures.note,
      status: figures.status,
      retractionReason: figures.retractionReason,
      revision: figures.revision,
      createdAt: figures.createdAt,
      updatedAt: figures.updatedAt,
    })
    .from(figures)
    .where(eq(figures.eventId, eventId))
    .orderBy(asc(figures.metricId), asc(figures.group), asc(figures.location), asc(figures.reportedOn), asc(figures.id))
    .values() as FigureRow[];
  if (rows.length === 0) return [];
  const metricById = new Map(
    db
      .select({ id: metrics.id, key: metrics.key, label: metrics.label, unit: metrics.unit, hxlTag: metrics.hxlTag, sortOrder: metrics.sortOrder })
      .from(metrics)
      .all()
      .map(({ id, ...metric }) => [id, metric]),
  );
  const sourceById = new Map(
    db
      .select({
        id: sources.id,
        reportingBody: sources.reportingBody,
        publisher: sources.publisher,
        title: sources.title,
        url: sources.url,
        publishedOn: sources.publishedOn,
        createdAt: sources.createdAt,
        updatedAt: sources.updatedAt,
      })
      .from(sources)
      .where(inArray(sources.id, db.selectDistinct({ id: figures.sourceId }).from(figures).where(eq(figures.eventId, eventId))))
      .all()
      .map((source) => [source.id, source]),
  );
  const list = rows.map((r): FigureWithContext => ({
    id: r[0], eventId: r[1], metricId: r[2], group: r[3], location: r[4], qualifier: r[5], valueLow: r[6], valueBest: r[7], valueHigh: r[8],
    unit: r[9], reportedOn: r[10], sourceId: r[11], quote: r[12], note: r[13], status: r[14], retractionReason: r[15], revision: r[16],
    createdAt: r[17], updatedAt: r[18], metric: metricById.get(r[2])!, source: sourceById.get(r[11])!,
  }));
  // Metric order is the metrics' sort order, not their ids; the sort is stable within a metric.
  return list.sort((a, b) => a.metric.sortOrder - b.metric.sortOrder || a.metricId - b.metricId);
}

type FigureRow = [
  id: number, eventId: number, metricId: number, group: string, location: string, qualifier: Figure['qualifier'],
  valueLow: number | null, valueBest: number | null, valueHigh: number | null, unit: string, reportedOn: string, sourceId: number,
  quote: string | null, note: string, status: Figure['status'], retractionReason: string | null, revision: number, createdAt: string, updatedAt: string,
];
