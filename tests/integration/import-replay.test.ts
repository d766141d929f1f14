import { afterEach, describe, expect, it } from 'vitest';
import { writeTransaction } from '@/db/index';
import { readReplayRows, replayImportWrites } from '@/db/queries/import-replay';
import { refreshStaleSeries } from '@/db/queries/series-summaries';
import { copyEvents } from '@/db/queries/synth';
import { seedCatalogMetrics } from '@/lib/seed';
import { createSeededTestDb, createTestDb } from '../helpers/db';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const FIGURE = `event_id, metric_id, group_name, location, qualifier, value_low, value_best, value_high, unit, reported_on, quote, note, status, retraction_reason`;

describe("the import bench's baseline (the import's writes alone)", () => {
  it('writes the figures of a database again as an import would: same figures and sources, an audit entry each, the same summaries', () => {
    const from = createSeededTestDb();
    const to = createTestDb();
    cleanups.push(from.cleanup, to.cleanup);
    seedCatalogMetrics(to.db);
    copyEvents(to.db, from.file);
    from.db.$client.exec("UPDATE figures SET status = 'retracted', retraction_reason = 'test' WHERE id % 7 = 0");
    writeTransaction(from.db, (tx) => refreshStaleSeries(tx));

    const rows = readReplayRows(from.file);
    expect(replayImportWrites(to.db, rows, { userId: null, label: 'import: baseline' })).toBe(35);

    const read = (db: typeof to.db, query: string) => db.$client.prepare(query).all();
    const figures = `SELECT ${FIGURE}, s.reporting_body, s.publisher, s.title, s.url, s.published_on FROM figures f JOIN sources s ON s.id = f.source_id ORDER BY f.id`;
    expect(read(to.db, figures)).toEqual(read(from.db, figures));
    const audited = read(to.db, "SELECT entity_id, actor, after ->> 'valueBest' AS best, after ->> 'status' AS status FROM audit_entries WHERE entity_type = 'figure' AND action = 'create' ORDER BY id");
    expect(audited).toEqual(read(to.db, "SELECT id AS entity_id, 'import: baseline' AS actor, value_best AS best, status FROM figures ORDER BY id"));
    expect(read(to.db, "SELECT count(*) AS n FROM audit_entries WHERE entity_type = 'source'")).toEqual(read(to.db, 'SELECT count(*) AS n FROM sources'));
    const summaries = 'SELECT event_id, metric_id, group_name, location, report_count, headline_id, headline_size, numeric_reports, low, high, numeric_sources FROM series_summaries ORDER BY 1, 2, 3, 4';
    expect(read(to.db, summaries)).toEqual(read(from.db, summaries));
    expect(read(to.db, 'SELECT count(*) AS n FROM series_stale')).toEqual([{ n: 0 }]);
  });
});
