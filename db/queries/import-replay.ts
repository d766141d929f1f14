import Database from 'better-sqlite3';
import type { Db } from '../index';
import type { Actor } from './audit';
import { withBulkWriteSettings } from './import-figures';
import { createImportStage } from './import-stage';
import { prepareImportStatements, type FigureValues } from './import-statements';
import { refreshStaleSeries } from './series-summaries';

type SourceIdentity = { reportingBody: string; publisher: string; title: string; url: string; publishedOn: string };

/** The figures of a database with their sources' identities: what an import of its export writes. */
export type ReplayRows = { sources: SourceIdentity[]; figures: Array<{ source: number; values: FigureValues }> };

/**
 * Every figure of the database `file` (in id order) with its source's identity as an import of
 * its export gives it (the export's source_published_on is the import's published_on), read into memory:
 * the rows `replayImportWrites` writes again, the same figures and sources as that import.
 */
export function readReplayRows(file: string): ReplayRows {
  const from = new Database(file, { readonly: true });
  try {
    const rows = from.prepare(`SELECT s.reporting_body, s.publisher, s.title, s.url, f.event_id, f.metric_id, f.group_name, f.location,
        f.reported_on, f.qualifier, f.value_low, f.value_best, f.value_high, f.unit, f.quote, f.note, f.status, f.retraction_reason,
        s.published_on
      FROM figures f JOIN sources s ON s.id = f.source_id ORDER BY f.id`).raw().all() as unknown[][];
    const sources: SourceIdentity[] = [];
    const sourceIndex = new Map<string, number>();
    const figures = rows.map((r) => {
      const identity = { reportingBody: r[0], publisher: r[1], title: r[2], url: r[3], publishedOn: r[18] } as SourceIdentity;
      const key = JSON.stringify(identity);
      let source = sourceIndex.get(key);
      if (source === undefined) sourceIndex.set(key, (source = sources.push(identity) - 1));
      const values = {
        eventId: r[4], metricId: r[5], group: r[6], location: r[7], sourceId: 0, reportedOn: r[8], qualifier: r[9], valueLow: r[10],
        valueBest: r[11], valueHigh: r[12], unit: r[13], quote: r[14], note: r[15], status: r[16], retractionReason: r[17],
      } as FigureValues;
      return { source, values };
    });
    return { sources, figures };
  } finally {
    from.close();
  }
}

/**
 * The writes an import makes for `rows`, in one transaction, by the import's own statements: each
 * source created with its audit entry, every figure through the stage with its audit entry, the
 * series summaries refreshed, the commit. Nothing is read from a file, checked or matched. The
 * bench's baseline for budget 5: what the import's SQL alone costs on this machine. The database
 * must hold the figures' events and metrics and none of their figures.
 */
export function replayImportWrites(db: Db, rows: ReplayRows, actor: Actor): number {
  return withBulkWriteSettings(db, () =>
    db.transaction(() => {
      const statements = prepareImportStatements(db, actor);
      const sourceIds = rows.sources.map((s) => statements.ensureSource(s));
      const stage = createImportStage(db, actor);
      let line = 1;
      for (const { source, values } of rows.figures) stage.add(++line, { ...values, sourceId: sourceIds[source]! });
      let created = 0;
      for (let from = 1; from <= stage.size; from += 1000) created += stage.createNew(from, Math.min(from + 999, stage.size)).created;
      stage.drop();
      refreshStaleSeries(db);
      return created;
    }, { behavior: 'immediate' }),
  );
}
