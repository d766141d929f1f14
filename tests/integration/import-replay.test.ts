import { afterEach, describe, expect, it } from 'vitest';
import { writeTransaction, type Db } from '@/db/index';
import { listFigurePage } from '@/db/queries/figure-export';
import { readReplayRows, replayImportWrites } from '@/db/queries/import-replay';
import { refreshStaleSeries } from '@/db/queries/series-summaries';
import { copyEvents } from '@/db/queries/synth';
import { csvHeader, csvRecord } from '@/lib/export/csv';
import { importCsvText } from '@/lib/import/run';
import { seedCatalogMetrics } from '@/lib/seed';
import { parseCsvQuery } from '@/lib/validation/figure-filters';
import { createSeededTestDb, createTestDb } from '../helpers/db';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A database holding only the catalog of `from` (metrics and events), as the bench's import target. */
function catalogOf(fromFile: string): Db {
  const test = createTestDb();
  cleanups.push(test.cleanup);
  seedCatalogMetrics(test.db);
  copyEvents(test.db, fromFile);
  return test.db;
}

/** What the import and its baseline must both have written, timestamps aside. */
function written(db: Db) {
  const read = (query: string) => db.$client.prepare(query).all();
  return {
    figures: read(`SELECT f.id, event_id, metric_id, group_name, location, qualifier, value_low, value_best, value_high, unit, reported_on, quote, note,
        status, retraction_reason, s.reporting_body, s.publisher, s.title, s.url, s.published_on FROM figures f JOIN sources s ON s.id = f.source_id ORDER BY f.id`),
    audit: read(`SELECT actor, action, entity_type, entity_id, before, json_remove(after, '$.createdAt', '$.updatedAt') AS after FROM audit_entries ORDER BY entity_type, entity_id`),
    summaries: read('SELECT event_id, metric_id, group_name, location, report_count, headline_id, headline_size, numeric_reports, low, high, numeric_sources FROM series_summaries ORDER BY 1, 2, 3, 4'),
    stale: read('SELECT count(*) AS n FROM series_stale'),
  };
}

describe("the import bench's baseline (the import's writes alone)", () => {
  it('writes what an import of the same database\'s export writes: the same figures, sources, audit entries and summaries', () => {
    const from = createSeededTestDb();
    cleanups.push(from.cleanup);
    from.db.$client.exec("UPDATE figures SET status = 'retracted', retraction_reason = 'test' WHERE id % 7 = 0");
    writeTransaction(from.db, (tx) => refreshStaleSeries(tx));
    const query = parseCsvQuery({ status: 'all' });
    if (!query.ok) throw new Error('bad query');
    const csv = [csvHeader(), ...listFigurePage(from.db, query.value, 0, 1000).rows.map(csvRecord)].join('\n');

    const imported = catalogOf(from.file);
    const actor = { userId: null, label: 'import: bench' };
    expect(importCsvText(imported, csv, actor)).toMatchObject({ created: 35, errors: [] });
    const replayed = catalogOf(from.file);
    expect(replayImportWrites(replayed, readReplayRows(from.file), actor)).toBe(35);

    const expected = written(imported);
    expect(written(replayed)).toEqual(expected);
    expect(expected.audit.filter((a) => (a as { entity_type: string }).entity_type === 'figure')).toHaveLength(35);
    expect(expected.stale).toEqual([{ n: 0 }]);
  });
});
