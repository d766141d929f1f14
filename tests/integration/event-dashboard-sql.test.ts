import { describe, expect, it } from 'vitest';
import { getDb, writeTransaction, type Db } from '@/db/index';
import { findSourceById, updateSource } from '@/db/queries/catalog-admin';
import { createFigure, retractFigure, updateFigure } from '@/db/queries/figure-writes';
import { findEventBySlug } from '@/db/queries/events';
import { listFiguresForEvent } from '@/db/queries/figures';
import { refreshStaleSeries } from '@/db/queries/series-summaries';
import { synthWriter } from '@/db/queries/synth';
import { loadEventCharts, loadEventDashboard, loadEventPage, loadReportsPage } from '@/lib/event-dashboard';
import { chartInputFromFigures, chartsFor, dashboardFromFigures } from '@/lib/event-dashboard-model';
import { importCsvText } from '@/lib/import/run';
import { seedCatalogMetrics } from '@/lib/seed';
import { figureFormSchema } from '@/lib/validation/figure-form';
import { prng, synthEvent, synthFigures } from '@/lib/synth';
import { addLaterDeathToll, createSeededTestDb, createTestDb } from '../helpers/db';
import { serveTestDatabases } from '../helpers/served-db';
import { recordStatements } from '../helpers/statements';

/**
 * The page reads its dashboard as SQL summaries (one row per series) and a few figures; the
 * rules are written once in lib/dashboard.ts over every report. These tests hold the two to
 * exactly the same page: cards, ranges, source numbers, quotes, charts.
 */
const serve = serveTestDatabases();

/**
 * The page read through SQL equals the page worked out from every figure, for every pick of
 * metric: first as the raw SQL edits of these tests leave it (their series stale, read from the
 * reports), then with the series summaries refreshed as the app's writes do before they commit.
 */
function expectSamePage(db: Db, slug: string): void {
  expectSamePageNow(db, slug);
  writeTransaction(db, (tx) => refreshStaleSeries(tx));
  // The refresh changes no public data; a new version makes the page read again.
  db.$client.exec('UPDATE data_version SET version = version + 1');
  expectSamePageNow(db, slug);
}

function expectSamePageNow(db: Db, slug: string): void {
  const event = findEventBySlug(db, slug)!;
  const figures = listFiguresForEvent(db, event.id);
  const fromSql = loadEventDashboard(slug)!;
  const reference = dashboardFromFigures(event, figures);
  expect(fromSql).toEqual(reference);
  for (const { key } of reference.metrics) {
    const pick = { breakdown: key, timeline: key };
    expect(loadEventCharts(fromSql, pick)).toEqual(chartsFor(reference, pick, chartInputFromFigures(figures)));
  }
}

describe('the event page read through SQL summaries', () => {
  it('is the page the rules give over every report, for the Kazakhstan dataset', () => {
    const db = serve(createSeededTestDb());
    expectSamePage(db, 'kazakhstan-2022-unrest');
    const d = loadEventDashboard('kazakhstan-2022-unrest')!;
    expect(d.reportCount).toBe(35);
    expect(d.sources.some((s) => s.quotes.length > 0)).toBe(true);
  });

  it('stays so after retractions, ties on the same date (the one entered last wins, not the higher id) and shared quotes', () => {
    const db = serve(createSeededTestDb());
    db.$client.exec(`
      UPDATE figures SET status = 'retracted', retraction_reason = 'test' WHERE id IN (SELECT id FROM figures ORDER BY id LIMIT 3);
      INSERT INTO figures (event_id, metric_id, group_name, location, qualifier, value_best, unit, reported_on, source_id, quote, created_at)
        SELECT event_id, metric_id, group_name, location, 'about', value_best + 1, unit, reported_on, (SELECT max(id) FROM sources), quote,
          '2000-01-01T00:00:00.000Z'
        FROM figures WHERE status = 'published' ORDER BY id LIMIT 5;
      -- A later report by the same source in the same series: two reports, one source.
      INSERT INTO figures (event_id, metric_id, group_name, location, qualifier, value_best, unit, reported_on, source_id)
        SELECT event_id, metric_id, group_name, location, 'exact', value_best + 7, unit, '2022-06-01', source_id
        FROM figures WHERE status = 'published' AND qualifier <> 'unknown' ORDER BY id DESC LIMIT 4;
    `);
    expectSamePage(db, 'kazakhstan-2022-unrest');
  });

  it('never keeps charts built from an older dashboard under a newer data version', () => {
    const db = serve(createSeededTestDb());
    const pick = { breakdown: 'deaths', timeline: 'deaths' };
    const before = loadEventDashboard('kazakhstan-2022-unrest')!;
    // A save commits between the page reading its dashboard and its charts.
    addLaterDeathToll(db.$client, 'Race wire');
    loadEventCharts(before, pick);
    const after = loadEventDashboard('kazakhstan-2022-unrest')!;
    const charts = loadEventCharts(after, pick);
    expect(charts.breakdown.rows.find((r) => r.label === 'Kazakhstan')?.figure.valueBest).toBe(238);
    expectSamePage(db, 'kazakhstan-2022-unrest');
  });

  it('is the same page for large synthetic events: thousands of series, ranges, unknowns, Cyrillic places', () => {
    const db = serve(createTestDb());
    seedCatalogMetrics(db);
    const writer = synthWriter(db);
    const random = prng(11);
    for (let i = 0; i < 2; i++) {
      const { event, sources } = synthEvent(i, 11, random);
      writer.writeEvent(event, sources, synthFigures(4000, event, random));
    }
    // Quotes, some shared by several figures of a source, and edits at different times.
    db.$client.exec(`
      UPDATE figures SET quote = 'Quote ' || (id % 13) WHERE id % 5 = 0;
      UPDATE figures SET updated_at = '2030-01-0' || (1 + id % 9) || 'T00:00:00.000Z' WHERE id % 97 = 0;
      UPDATE figures SET created_at = '2029-12-31T00:00:00.000Z' WHERE id % 11 = 0;
    `);
    const slugs = (db.$client.prepare('SELECT slug FROM events ORDER BY id').all() as Array<{ slug: string }>).map((e) => e.slug);
    expect(slugs).toHaveLength(2);
    for (const slug of slugs) expectSamePage(db, slug);
    const d = loadEventDashboard(slugs[0]!)!;
    expect(d.series.length).toBeGreaterThan(500);
    expect(d.series.some((s) => s.range !== null)).toBe(true);
    expect(d.cards.every((m) => m.omitted > 0)).toBe(true);
  });

  it('after a write reads only the series changed since the cached version, and stays the page the rules give through every kind of write', () => {
    const db = serve(createSeededTestDb());
    const slug = 'kazakhstan-2022-unrest';
    // Which reads of the series the page makes: a full one, or only what changed since.
    const { statements } = recordStatements(getDb().$client);
    const reads = () => ({
      delta: statements.filter((q) => q.includes('rev >')).length,
      full: statements.filter((q) => /FROM series_summaries s\s+WHERE s\.event_id/.test(q)).length,
    });
    const step = (write: () => void, expected: 'delta' | 'full') => {
      const before = reads();
      write();
      expectSamePageNow(db, slug);
      const after = reads();
      // A full read may follow a look at what changed (a series that went away is found there).
      if (expected === 'delta') expect({ delta: after.delta - before.delta, full: after.full - before.full }).toEqual({ delta: 1, full: 0 });
      else expect(after.full - before.full).toBe(1);
    };
    const actor = { userId: null, label: 'editor@example.org' };
    const form = (over: Record<string, string>) =>
      figureFormSchema.parse({
        eventId: '1', metricId: '1', group: 'all', location: 'Kazakhstan', qualifier: 'exact', valueLow: '', valueBest: '238', valueHigh: '',
        unit: 'people', reportedOn: '2022-12-01', sourceChoice: 'existing', sourceId: '1', quote: '', note: '', ...over,
      });
    expectSamePageNow(db, slug);

    step(() => createFigure(db, form({}), actor), 'delta'); // a new headline in an existing series
    const taraz = createFigure(db, form({ location: 'Taraz', valueBest: '3' }), actor);
    step(() => undefined, 'delta'); // a new series: sorted into place
    step(() => updateFigure(db, taraz.id, 1, form({ location: 'Kyzylorda', valueBest: '3' }), actor), 'full'); // Taraz's series went away
    step(() => retractFigure(db, taraz.id, 2, 'duplicate', actor), 'delta');
    const header = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body';
    step(() => expect(importCsvText(db, `${header}\n${slug},injured,all,Kazakhstan,exact,,5000,,people,2022-12-02,Ministry`, actor).errors).toEqual([]), 'delta');
    step(() => db.$client.exec("UPDATE figures SET value_best = 7 WHERE id = " + taraz.id), 'full'); // the sqlite3 shell: stale, read from the reports
    step(() => createFigure(db, form({ location: 'Shymkent', valueBest: '9' }), actor), 'delta'); // the next app write refreshes it
    step(() => db.$client.exec("UPDATE metrics SET label = 'People killed' WHERE key = 'deaths'"), 'full'); // the metrics changed
    step(() => updateSource(db, 1, findSourceById(db, 1)!.updatedAt, { reportingBody: 'Renamed body', publisher: '', title: '', url: '', publishedOn: '2022-01-11', fullText: '' }, actor), 'delta');
    expect(loadEventDashboard(slug)!.cards[0]!.metricLabel).toBe('People killed');
    expect(loadEventDashboard(slug)!.sources.some((source) => source.reportingBody === 'Renamed body')).toBe(true);
  });

  it('orders metrics of the same sort order by key, the same in the cards, the charts and every page of reports', () => {
    const db = serve(createSeededTestDb());
    const slug = 'kazakhstan-2022-unrest';
    // detained and injured share a place in the order: their keys decide (detained first), not their ids.
    db.$client.exec("UPDATE metrics SET sort_order = 2 WHERE key IN ('injured', 'detained')");
    expectSamePage(db, slug);
    const d = loadEventDashboard(slug)!;
    expect(d.metrics.map((m) => m.key).slice(0, 3)).toEqual(['deaths', 'detained', 'injured']);
    const all = listFiguresForEvent(db, d.event.id);
    const paged = [1, 2, 3, 4].flatMap((page) => loadReportsPage(d, page, 10));
    expect(paged.map((f) => f.id)).toEqual(all.map((f) => f.id));
    expect([...new Set(all.map((f) => f.metric.key))].slice(0, 3)).toEqual(['deaths', 'detained', 'injured']);
  });

  it('reads the whole page in one snapshot: a save committed while it is read shows on the next page, not half of it on this one', () => {
    const db = serve(createSeededTestDb());
    const pick = { breakdown: 'deaths', timeline: 'deaths' };
    const view = loadEventPage('kazakhstan-2022-unrest', () => {
      // Another connection saves between reading the dashboard and its charts and table page.
      addLaterDeathToll(db.$client, 'Mid-page wire');
      return { pick, reportsPage: 1, perPage: 50 };
    })!;
    expect(view.dashboard.reportCount).toBe(35);
    expect(view.reports).toHaveLength(35);
    expect(view.reports.filter((f) => f.source.publisher === 'Mid-page wire')).toEqual([]);
    expect(view.charts!.breakdown.rows.find((r) => r.label === 'Kazakhstan')?.figure.valueBest).toBe(230);
    const next = loadEventPage('kazakhstan-2022-unrest', () => ({ pick, reportsPage: 1, perPage: 50 }))!;
    expect(next.reports).toHaveLength(36);
    expect(next.reports.filter((f) => f.source.publisher === 'Mid-page wire')).toHaveLength(1);
    expect(next.charts!.breakdown.rows.find((r) => r.label === 'Kazakhstan')?.figure.valueBest).toBe(238);
  });
});

