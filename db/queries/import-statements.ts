import type { Db } from '../index';
import type { Figure, Source } from '../schema';
import type { Actor } from './audit';

type FigureRow = {
  id: number; event_id: number; metric_id: number; group_name: string; location: string; qualifier: Figure['qualifier'];
  value_low: number | null; value_best: number | null; value_high: number | null; unit: string; reported_on: string;
  source_id: number; quote: string | null; note: string; status: Figure['status']; retraction_reason: string | null;
  revision: number; created_at: string; updated_at: string;
};
type SourceRow = {
  id: number; reporting_body: string; publisher: string; title: string; url: string; published_on: string;
  full_text: string | null; created_at: string; updated_at: string;
};

/** A figure's values as the import writes them (its id, revision and timestamps aside). */
export type FigureValues = Omit<Figure, 'id' | 'revision' | 'createdAt' | 'updatedAt'>;

const toFigure = (r: FigureRow): Figure => ({
  id: r.id, eventId: r.event_id, metricId: r.metric_id, group: r.group_name, location: r.location, qualifier: r.qualifier,
  valueLow: r.value_low, valueBest: r.value_best, valueHigh: r.value_high, unit: r.unit, reportedOn: r.reported_on,
  sourceId: r.source_id, quote: r.quote, note: r.note, status: r.status, retractionReason: r.retraction_reason,
  revision: r.revision, createdAt: r.created_at, updatedAt: r.updated_at,
});
const toSource = (r: SourceRow): Source => ({
  id: r.id, reportingBody: r.reporting_body, publisher: r.publisher, title: r.title, url: r.url, publishedOn: r.published_on,
  fullText: r.full_text, createdAt: r.created_at, updatedAt: r.updated_at,
});

const FIGURE_PARAMS = `@eventId, @metricId, @group, @location, @qualifier, @valueLow, @valueBest, @valueHigh, @unit, @reportedOn,
  @sourceId, @quote, @note, @status, @retractionReason`;

/**
 * The statements a large import runs for every row, prepared once. Drizzle's query builder costs
 * about a millisecond a row here, which made a 200,000-row import take minutes; prepared
 * statements on the same connection take part in the caller's transaction all the same. Audit
 * entries hold the same camelCase rows as those the admin form writes through Drizzle.
 */
export function prepareImportStatements(db: Db, actor: Actor) {
  const c = db.$client;
  const findSource = c.prepare(
    'SELECT id FROM sources WHERE reporting_body = ? AND publisher = ? AND title = ? AND url = ? AND published_on = ?',
  );
  const insertSource = c.prepare(
    'INSERT INTO sources (reporting_body, publisher, title, url, published_on) VALUES (?, ?, ?, ?, ?) RETURNING *',
  );
  const findFigure = c.prepare(
    'SELECT * FROM figures WHERE event_id = ? AND metric_id = ? AND group_name = ? AND location = ? AND source_id = ? AND reported_on = ?',
  );
  const insertFigure = c.prepare(`INSERT INTO figures (event_id, metric_id, group_name, location, qualifier, value_low, value_best,
    value_high, unit, reported_on, source_id, quote, note, status, retraction_reason) VALUES (${FIGURE_PARAMS}) RETURNING *`);
  const updateFigure = c.prepare(`UPDATE figures SET qualifier = @qualifier, value_low = @valueLow, value_best = @valueBest,
    value_high = @valueHigh, unit = @unit, quote = @quote, note = @note, status = @status, retraction_reason = @retractionReason,
    revision = revision + 1, updated_at = @updatedAt WHERE id = @id RETURNING *`);
  const insertAudit = c.prepare(
    'INSERT INTO audit_entries (user_id, actor, action, entity_type, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const audit = (action: 'create' | 'update' | 'retract' | 'restore', entityType: 'figure' | 'source', id: number, before: unknown, after: unknown) =>
    insertAudit.run(actor.userId, actor.label, action, entityType, id, before === null ? null : JSON.stringify(before), JSON.stringify(after));

  return {
    /** The id of the source with this identity, created (and audited) when new. */
    ensureSource(s: Pick<Source, 'reportingBody' | 'publisher' | 'title' | 'url' | 'publishedOn'>): number {
      const args = [s.reportingBody, s.publisher, s.title, s.url, s.publishedOn];
      const found = findSource.get(...args) as { id: number } | undefined;
      if (found) return found.id;
      const created = toSource(insertSource.get(...args) as SourceRow);
      audit('create', 'source', created.id, null, created);
      return created.id;
    },
    findFigure(v: FigureValues): Figure | undefined {
      const row = findFigure.get(v.eventId, v.metricId, v.group, v.location, v.sourceId, v.reportedOn) as FigureRow | undefined;
      return row && toFigure(row);
    },
    createFigure(v: FigureValues): Figure {
      const created = toFigure(insertFigure.get(v) as FigureRow);
      audit('create', 'figure', created.id, null, created);
      return created;
    },
    updateFigure(existing: Figure, v: FigureValues, action: 'update' | 'retract' | 'restore' = 'update'): Figure {
      const updated = toFigure(updateFigure.get({ ...v, id: existing.id, updatedAt: new Date().toISOString() }) as FigureRow);
      audit(action, 'figure', existing.id, existing, updated);
      return updated;
    },
  };
}
