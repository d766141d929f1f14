import { describe, expect, it } from 'vitest';
import { writeTransaction, type Db } from '@/db/index';
import { migrateDatabase } from '@/db/migrate';
import { findEventBySlug } from '@/db/queries/events';
import { createFigure, restoreFigure, restoreFigureVersion, retractFigure, updateFigure } from '@/db/queries/figure-writes';
import { listFiguresForEvent } from '@/db/queries/figures';
import { listSeriesSummaries, refreshStaleSeries } from '@/db/queries/series-summaries';
import { synthWriter } from '@/db/queries/synth';
import { buildSeries, rangeOf } from '@/lib/dashboard';
import { importCsvText } from '@/lib/import/run';
import { loadEventDashboard, loadReportsPage } from '@/lib/event-dashboard';
import { dashboardFromFigures } from '@/lib/event-dashboard-model';
import { seedCatalogMetrics } from '@/lib/seed';
import { prng, synthEvent, synthFigures } from '@/lib/synth';
import { createSeededTestDb, createTestDb } from '../helpers/db';
import { serveTestDatabases } from '../helpers/served-db';
import { deathTollForm } from '../helpers/figures';
import { recordStatements } from '../helpers/statements';

/**
 * The series summaries are kept in the same transaction as every write to figures. These tests
 * hold them, after each write path, to the summaries worked out from every report (the rules in
 * lib/dashboard.ts), and show that a series changed behind the app's back is never read stale.
 */
const editor = { userId: null, label: 'editor@example.org' };
const SLUG = 'kazakhstan-2022-unrest';
const serve = serveTestDatabases();

const staleCount = (db: Db) => (db.$client.prepare('SELECT count(*) AS n FROM series_stale').get() as { n: number }).n;
const storedCount = (db: Db) => (db.$client.prepare('SELECT count(*) AS n FROM series_summaries').get() as { n: number }).n;

/** What the summaries must say: worked out in memory from every report of the event. */
function expected(db: Db, slug = SLUG) {
  const event = findEventBySlug(db, slug)!;
  const figures = listFiguresForEvent(db, event.id);
  return buildSeries(figures)
    .map((s) => {
      const h = s.headline;
      return {
        eventId: event.id, metricId: s.reports[0]!.metricId, group: s.group, location: s.location, reportCount: s.reports.length,
        retractedReports: s.reports.filter((r) => r.status === 'retracted').length,
        headlineId: h?.id ?? null, headlineSize: h ? (h.valueHigh ?? h.valueBest ?? -1) : -1,
        lastUpdatedAt: s.reports.map((r) => r.updatedAt).sort().at(-1),
        range: s.range && { low: s.range.low, high: s.range.high, lowQualifier: s.range.lowQualifier, highQualifier: s.range.highQualifier, reports: s.range.reports, sources: s.range.sources },
      };
    })
    .sort(byKey);
}

function actual(db: Db, slug = SLUG) {
  return listSeriesSummaries(db, findEventBySlug(db, slug)!.id)
    .map(({ numericReports, low, high, lowQualifier, highQualifier, numericSources, ...rest }) => ({
      ...rest,
      range: rangeOf(numericReports, { low, high, lowQualifier, highQualifier }, numericSources),
    }))
    .sort(byKey);
}

function byKey(a: { metricId: number; group: string; location: string }, b: { metricId: number; group: string; location: string }): number {
  return a.metricId - b.metricId || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0) || (a.location < b.location ? -1 : a.location > b.location ? 1 : 0);
}

const toll = deathTollForm;

/** The sources of each event as stored, and as counted from every report. */
function eventSources(db: Db) {
  return {
    stored: db.$client.prepare('SELECT * FROM event_sources ORDER BY event_id, source_id').all(),
    counted: db.$client
      .prepare('SELECT event_id, source_id, min(reported_on) AS first_reported_on, min(id) AS first_figure_id FROM figures GROUP BY event_id, source_id ORDER BY event_id, source_id')
      .all(),
  };
}

/** After a write path commits: nothing left stale, and every summary as the rules give it. */
function expectFresh(db: Db): void {
  expect(staleCount(db)).toBe(0);
  expect(actual(db)).toEqual(expected(db));
  const { stored, counted } = eventSources(db);
  expect(stored).toEqual(counted);
}

describe('series summaries', () => {
  it('are computed for the seeded dataset, one per series', () => {
    const db = serve(createSeededTestDb());
    expect(storedCount(db)).toBe(17);
    expectFresh(db);
    expect(eventSources(db).stored.length).toBeGreaterThan(3);
  });

  it('follow every admin write: create, edit, moving a figure to another place, retract, restore, restore a version', () => {
    const db = serve(createSeededTestDb());
    const created = createFigure(db, toll(), editor);
    expectFresh(db);
    expect(actual(db).find((s) => s.headlineId === created.id)).toMatchObject({ group: 'all', location: 'Kazakhstan', headlineSize: 238 });

    updateFigure(db, created.id, 1, toll({ valueBest: '239' }), editor);
    expectFresh(db);
    expect(actual(db).find((s) => s.headlineId === created.id)?.headlineSize).toBe(239);

    // Moved to a new place: the old series loses a report, a new series appears.
    const before = actual(db).length;
    updateFigure(db, created.id, 2, toll({ valueBest: '239', location: 'Taraz' }), editor);
    expectFresh(db);
    expect(actual(db)).toHaveLength(before + 1);

    retractFigure(db, created.id, 3, 'Double-counted', editor);
    expectFresh(db);
    expect(actual(db).find((s) => s.location === 'Taraz')).toMatchObject({ reportCount: 1, headlineId: null, headlineSize: -1 });

    restoreFigure(db, created.id, 4, editor);
    expectFresh(db);
    const firstVersion = db.$client.prepare("SELECT id FROM audit_entries WHERE entity_type = 'figure' AND entity_id = ? ORDER BY id LIMIT 1").get(created.id) as { id: number };
    restoreFigureVersion(db, created.id, 5, firstVersion.id, editor);
    expectFresh(db);
    expect(actual(db).find((s) => s.location === 'Taraz')).toBeUndefined();
  });

  it('follow an import, and a dry run leaves them as they were', () => {
    const db = serve(createSeededTestDb());
    const header = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body';
    const rows = [`${SLUG},deaths,all,Shymkent,exact,,12,,people,2022-01-20,Akimat`, `${SLUG},deaths,all,Kazakhstan,exact,,240,,people,2023-01-01,Akimat`];
    const before = actual(db);
    expect(importCsvText(db, [header, ...rows].join('\n'), editor, { dryRun: true })).toMatchObject({ created: 2 });
    expect(actual(db)).toEqual(before);
    expect(staleCount(db)).toBe(0);
    expect(importCsvText(db, [header, ...rows].join('\n'), editor)).toMatchObject({ created: 2 });
    expectFresh(db);
    expect(actual(db).find((s) => s.group === 'all' && s.location === 'Kazakhstan' && s.metricId === 1)?.headlineSize).toBe(240);
  });

  it('keep how the reports worded each end of the spread, two wordings of one number as two', () => {
    const db = serve(createSeededTestDb());
    const header = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body';
    const row = (place: string, qualifier: string, low: string, best: string, high: string, day: number) =>
      `${SLUG},deaths,all,${place},${qualifier},${low},${best},${high},people,2022-02-${String(day).padStart(2, '0')},Akimat ${day}`;
    const rows = [
      row('Taraz', 'more_than', '', '400', '', 1), row('Taraz', 'about', '', '500', '', 2), row('Taraz', 'exact', '', '450', '', 3),
      row('Aktau', 'exact', '', '1300', '', 1), row('Aktau', 'more_than', '', '1300', '', 2),
      row('Atyrau', 'at_most', '', '9900', '', 1), row('Atyrau', 'about', '3811', '4000', '4100', 2),
    ];
    expect(importCsvText(db, [header, ...rows].join('\n'), editor).errors).toEqual([]);
    expectFresh(db);
    const range = (place: string) => actual(db).find((s) => s.location === place && s.metricId === 1)?.range;
    expect(range('Taraz')).toMatchObject({ low: 400, lowQualifier: 'more_than', high: 500, highQualifier: 'about' });
    expect(range('Aktau')).toMatchObject({ low: 1300, lowQualifier: 'exact', high: 1300, highQualifier: 'more_than' });
    expect(range('Atyrau')).toMatchObject({ low: 3811, lowQualifier: 'about', high: 9900, highQualifier: 'at_most' });
  });

  it('are never read stale: a change made outside the app (the sqlite3 shell) is read from the reports until refreshed', () => {
    const db = serve(createSeededTestDb());
    db.$client.exec("UPDATE figures SET value_best = 999 WHERE id = (SELECT headline_id FROM series_summaries WHERE group_name = 'all' AND location = 'Kazakhstan' AND metric_id = 1)");
    expect(staleCount(db)).toBe(1);
    expect(actual(db)).toEqual(expected(db));
    expect(actual(db).find((s) => s.group === 'all' && s.location === 'Kazakhstan' && s.metricId === 1)?.headlineSize).toBe(999);
    // The next write through the app refreshes what was left stale, whatever it touched.
    createFigure(db, toll({ location: 'Taraz' }), editor);
    expectFresh(db);
  });

  it('are computed for every existing series when the database is migrated', () => {
    const db = serve(createSeededTestDb());
    db.$client.exec('DELETE FROM series_summaries; DELETE FROM event_sources; INSERT INTO series_stale SELECT DISTINCT event_id, metric_id, group_name, location FROM figures');
    migrateDatabase(db);
    expect(storedCount(db)).toBe(17);
    expectFresh(db);
  });

  it('are computed for synthetic data written in bulk, as npm run synth does', () => {
    const db = serve(createTestDb());
    seedCatalogMetrics(db);
    const random = prng(5);
    const { event, sources } = synthEvent(0, 5, random);
    synthWriter(db).writeEvent(event, sources, synthFigures(3000, event, random));
    expect(staleCount(db)).toBeGreaterThan(100);
    writeTransaction(db, (tx) => refreshStaleSeries(tx));
    expect(staleCount(db)).toBe(0);
    expect(actual(db, event.slug)).toEqual(expected(db, event.slug));
  });

  it('give the All reports table its pages in reading order, across metrics', () => {
    const db = serve(createSeededTestDb());
    const d = loadEventDashboard(SLUG)!;
    const event = findEventBySlug(db, SLUG)!;
    const reference = dashboardFromFigures(event, listFiguresForEvent(db, event.id));
    const ids = listFiguresForEvent(db, event.id).map((f) => f.id);
    expect(reference.reportCount).toBe(35);
    for (const perPage of [1, 4, 10, 35, 50]) {
      const pages = Math.ceil(35 / perPage);
      const read = Array.from({ length: pages }, (_, p) => loadReportsPage(d, p + 1, perPage).map((f) => f.id));
      expect(read.flat()).toEqual(ids);
      expect(read.every((page, i) => page.length === (i < pages - 1 ? perPage : 35 - perPage * (pages - 1)))).toBe(true);
    }
    expect(loadReportsPage(d, 99, 10)).toEqual([]);
  });

  it('are refreshed from the stale series alone: no statement of the refresh walks every figure', () => {
    const db = serve(createSeededTestDb());
    const { statements, stop } = recordStatements(db.$client);
    db.$client.exec("UPDATE figures SET value_best = value_best + 1 WHERE id = 1");
    writeTransaction(db, (tx) => refreshStaleSeries(tx));
    stop();
    const refresh = statements.filter((q) => /series_summaries|event_sources/.test(q) && !/^\s*(SELECT 1|DELETE FROM series_stale)/.test(q));
    expect(refresh.length).toBeGreaterThanOrEqual(3);
    db.$client.exec("INSERT INTO series_stale SELECT event_id, metric_id, group_name, location FROM figures WHERE id = 1");
    for (const q of refresh) {
      const plan = (db.$client.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as Array<{ detail: string }>).map((r) => r.detail);
      expect(plan.filter((step) => /^SCAN (f|figures)\b/.test(step)), q).toEqual([]);
    }
  });
});

