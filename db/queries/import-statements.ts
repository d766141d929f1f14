import type { Db } from '../index';
import type { Figure, Source } from '../schema';
import type { Actor } from './audit';

/** A row of figures as SQLite returns it. */
export type FigureRow = {
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

/** A figures row as the Figure the rest of the code uses. */
export const toFigure = (r: FigureRow): Figure => ({
  id: r.id, eventId: r.event_id, metricId: r.metric_id, group: r.group_name, location: r.location, qualifier: r.qualifier,
  valueLow: r.value_low, valueBest: r.value_best, valueHigh: r.value_high, unit: r.unit, reportedOn: r.reported_on,
  sourceId: r.source_id, quote: r.quote, note: r.note, status: r.status, retractionReason: r.retraction_reason,
  revision: r.revision, createdAt: r.created_at, updatedAt: r.updated_at,
});
const toSource = (r: SourceRow): Source => ({
  id: r.id, reportingBody: r.reporting_body, publisher: r.publisher, title: r.title, url: r.url, publishedOn: r.published_on,
  fullText: r.full_text, createdAt: r.created_at, updatedAt: r.updated_at,
});

// A figure as its audit entry holds it: the same keys, in the same order, as the Figure row the
// admin form audits (typeof figures.$inferSelect), built by SQLite from the row just written.
export const FIGURE_JSON = `json_object('id', id, 'eventId', event_id, 'metricId', metric_id, 'group', group_name,
  'location', location, 'qualifier', qualifier, 'valueLow', value_low, 'valueBest', value_best, 'valueHigh', value_high,
  'unit', unit, 'reportedOn', reported_on, 'sourceId', source_id, 'quote', quote, 'note', note, 'status', status,
  'retractionReason', retraction_reason, 'revision', revision, 'createdAt', created_at, 'updatedAt', updated_at)`;

/** A source an import created: who reported, where, and when, as the import's summary names it. */
export type NewSource = { reportingBody: string; publisher: string; title: string; url: string; publishedOn: string };

/**
 * The statements an import runs per source identity and per changed figure, prepared once.
 * Drizzle's query builder costs about a millisecond a row here, which made a 200,000-row import
 * take minutes; prepared statements on the same connection take part in the caller's
 * transaction all the same. Audit entries hold the same camelCase rows as those the admin form
 * writes through Drizzle. New figures are written set-based (import-stage.ts). Every entry
 * carries the editor's reason for the import, when one was given.
 */
export function prepareImportStatements(db: Db, actor: Actor, reason?: string) {
  const c = db.$client;
  const findSource = c.prepare(
    'SELECT id FROM sources WHERE reporting_body = ? AND publisher = ? AND title = ? AND url = ? AND published_on = ?',
  );
  const insertSource = c.prepare(
    'INSERT INTO sources (reporting_body, publisher, title, url, published_on) VALUES (?, ?, ?, ?, ?) RETURNING *',
  );
  const updateFigure = c.prepare(`UPDATE figures SET qualifier = @qualifier, value_low = @valueLow, value_best = @valueBest,
    value_high = @valueHigh, unit = @unit, quote = @quote, note = @note, status = @status, retraction_reason = @retractionReason,
    revision = revision + 1, updated_at = @updatedAt WHERE id = @id RETURNING *`);
  const insertAudit = c.prepare(
    'INSERT INTO audit_entries (user_id, actor, action, entity_type, entity_id, before, after, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const why = reason || null;
  const audit = (action: 'create' | 'update' | 'retract' | 'restore', entityType: 'figure' | 'source', id: number, before: unknown, after: unknown) =>
    insertAudit.run(actor.userId, actor.label, action, entityType, id, before === null ? null : JSON.stringify(before), JSON.stringify(after), why);

  // Sources repeat from row to row: each identity is looked up once per import.
  const sourceIds = new Map<string, number>();
  const created: NewSource[] = [];

  return {
    /** The sources this import created, in the order it met them. */
    newSources: (): NewSource[] => [...created],
    /** The id of the source with this identity, created (and audited) when new. */
    ensureSource(s: Pick<Source, 'reportingBody' | 'publisher' | 'title' | 'url' | 'publishedOn'>): number {
      const key = `${s.reportingBody}\u0000${s.publisher}\u0000${s.title}\u0000${s.url}\u0000${s.publishedOn}`;
      const known = sourceIds.get(key);
      if (known !== undefined) return known;
      const args = [s.reportingBody, s.publisher, s.title, s.url, s.publishedOn];
      const found = findSource.get(...args) as { id: number } | undefined;
      let id = found?.id;
      if (id === undefined) {
        const source = toSource(insertSource.get(...args) as SourceRow);
        audit('create', 'source', source.id, null, source);
        created.push({ reportingBody: source.reportingBody, publisher: source.publisher, title: source.title, url: source.url, publishedOn: source.publishedOn });
        id = source.id;
      }
      sourceIds.set(key, id);
      return id;
    },
    updateFigure(existing: Figure, v: FigureValues, action: 'update' | 'retract' | 'restore' = 'update'): Figure {
      const updated = toFigure(updateFigure.get({ ...v, id: existing.id, updatedAt: new Date().toISOString() }) as FigureRow);
      audit(action, 'figure', existing.id, existing, updated);
      return updated;
    },
  };
}
