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
 * Every figure of the database `file` (in id order) with the identity of its source, read into
 * memory: the rows `replayImportWrites` writes again.
 */
export function readReplayRows(file: string): ReplayRows {
  const from = new Database(file, { readonly: true });
  try {
    const sourceRows = from.prepare('SELECT id, reporting_body, publisher, title, url, published_on FROM sources ORDER BY id').raw().all() as Array<[number, ...string[]]>;
    const sourceIndex = new Map(sourceRows.map(([id], i) => [id, i]));
    const sources = sourceRows.map(([, reportingBody, publisher, title, url, publishedOn]) => ({ reportingBody, publisher, title, url, publishedOn }) as SourceIdentity);
    const figures = (from.prepare(`SELECT source_id, event_id, metric_id, group_name, location, reported_on, qualifier, value_low, value_best,
        value_high, unit, quote, note, status, retraction_reason FROM figures ORDER BY id`).raw().all() as unknown[][]).map((r) => ({
      source: sourceIndex.get(r[0] as number)!,
      values: {
        eventId: r[1], metricId: r[2], group: r[3], location: r[4], sourceId: 0, reportedOn: r[5], qualifier: r[6], valueLow: r[7],
        valueBest: r[8], valueHigh: r[9], unit: r[10], quote: r[11], note: r[12], status: r[13], retractionReason: r[14],
      } as FigureValues,
    }));
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
