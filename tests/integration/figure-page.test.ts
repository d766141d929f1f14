import { describe, expect, it } from 'vitest';
import { figurePageExists, findFigurePage, SERIES_SHOWN } from '@/db/queries/figure-page';
import { createFigure, restoreFigure, restoreFigureVersion, retractFigure, updateFigure } from '@/db/queries/figure-writes';
import { listFiguresForEvent } from '@/db/queries/figures';
import { buildSeries, seriesRows } from '@/lib/dashboard';
import { lastUpdatedOf, latestOfCountWords } from '@/lib/figure-page';
import { importCsvText } from '@/lib/import/run';
import { unrecordedChanges } from '@/lib/public-history';
import { dynamicPageRequested, pageExists } from '@/lib/missing-page';
import { seededPerTest } from '../helpers/db';
import { deathTollForm } from '../helpers/figures';

const seeded = seededPerTest();

const EDITOR = { userId: null, label: 'editor@example.org' };

/** The seeded death toll for the whole of Kazakhstan that gave this number. */
const tollId = (db: ReturnType<typeof seeded>, best: number) =>
  db.$client.prepare("SELECT id FROM figures WHERE metric_id = 1 AND group_name = 'all' AND location = 'Kazakhstan' AND value_best = ?").pluck().get(best) as number;

describe("a figure's public page", () => {
  it('holds the report with its source and event, and every report of its count by date: 164, 225, then 230', () => {
    const db = seeded();
    const page = findFigurePage(db, tollId(db, 225))!;
    expect(page.figure).toMatchObject({ valueBest: 225, reportedOn: '2022-01-15', status: 'published', metric: { key: 'deaths' } });
    expect(page.figure.source).toMatchObject({ reportingBody: "Prosecutor General's Office (Serik Shalabayev)", publisher: 'Associated Press' });
    expect(page.event).toEqual({ slug: 'kazakhstan-2022-unrest', name: 'January 2022 unrest in Kazakhstan' });
    expect(page.seriesCount).toBe(3);
    expect(page.latest).toMatchObject({ valueBest: 230, reportedOn: '2022-03-14' });
    const rows = seriesRows(page.series, page.latest);
    expect(rows.map((r) => [r.report.valueBest, r.status])).toEqual([[164, 'superseded'], [225, 'superseded'], [230, 'latest']]);
    // Its history: entered with the dataset, no change since.
    expect(page.history.map((e) => [e.action, e.actor])).toEqual([['create', 'seed: kazakhstan-2022-reports.csv']]);
    expect(findFigurePage(db, 999_999)).toBeUndefined();
  });

  it('keeps a retracted figure, and its history names the sources a change moved between', () => {
    const db = seeded();
    const created = createFigure(db, deathTollForm(), EDITOR);
    const other = db.$client.prepare("SELECT id FROM sources WHERE publisher = 'Interfax'").pluck().get() as number;
    const edited = updateFigure(db, created.id, 1, deathTollForm({ valueBest: '239', sourceChoice: 'existing', sourceId: String(other) }), EDITOR);
    expect(edited.status).toBe('saved');
    expect(retractFigure(db, created.id, 2, 'entered twice', EDITOR).status).toBe('saved');

    const page = findFigurePage(db, created.id)!;
    expect(page.figure).toMatchObject({ status: 'retracted', retractionReason: 'entered twice', revision: 3, valueBest: 239 });
    expect(page.history.map((e) => e.action)).toEqual(['retract', 'update', 'create']);
    // The source it was moved to is named; the one it left, which nothing cites now, is not public.
    expect(page.names.sourceId.get(other)).toMatch(/^2022-03-14 · Prosecutor General Berik Asylov \(Mazhilis plenary\) · Total of 230/);
    expect(page.names.sourceId.get(created.sourceId)).toBe('a source no longer cited on this site');
    expect(JSON.stringify([...page.names.sourceId.values()])).not.toContain('Toll revised');
    expect(page.names.eventId.get(1)).toBe('January 2022 unrest in Kazakhstan');
    expect(page.names.metricId.get(1)).toBe('Deaths');
    // A retraction is named in the series; the latest is still the latest published report.
    const rows = seriesRows(page.series, page.latest);
    expect(rows.map((r) => [r.report.valueBest, r.status])).toEqual([[164, 'superseded'], [225, 'superseded'], [230, 'latest'], [239, 'retracted']]);
  });

  it("accounts for every change made through the site: each write path's entry leaves the figure as it is", () => {
    const db = seeded();
    const whole = (id: number) => {
      const page = findFigurePage(db, id)!;
      return unrecordedChanges(page.figure, page.history);
    };
    const accounted = { sinceLatest: false, between: new Set() };
    // The seed.
    expect(whole(tollId(db, 164))).toEqual(accounted);
    // The admin form: create, edit, retract, restore, and bring back an earlier version.
    const created = createFigure(db, deathTollForm(), EDITOR);
    expect(whole(created.id)).toEqual(accounted);
    expect(updateFigure(db, created.id, 1, deathTollForm({ valueBest: '239', note: 'corrected' }), EDITOR).status).toBe('saved');
    expect(retractFigure(db, created.id, 2, 'entered twice', EDITOR).status).toBe('saved');
    expect(restoreFigure(db, created.id, 3, EDITOR).status).toBe('saved');
    const first = findFigurePage(db, created.id)!.history.at(-1)!.id;
    expect(restoreFigureVersion(db, created.id, 4, first, EDITOR).status).toBe('saved');
    expect(whole(created.id)).toEqual(accounted);
    // An import: a new figure, and a changed one.
    const HEADER = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body,publisher,source_title,source_url,quote,note';
    const row = (best: number, note: string) => `kazakhstan-2022-unrest,deaths,all,Aktobe,about,${best - 1},${best},${best + 1},people,2022-01-20,Akimat,Wire,Toll,https://example.org/t,,${note}`;
    const actor = { userId: null, label: 'import: t.csv' };
    expect(importCsvText(db, `${HEADER}\n${row(9, 'first')}`, actor)).toMatchObject({ created: 1, errors: [] });
    const imported = db.$client.prepare("SELECT id FROM figures WHERE location = 'Aktobe'").pluck().get() as number;
    expect(whole(imported)).toEqual(accounted);
    expect(importCsvText(db, `${HEADER}\n${row(12, 'second')}`, actor)).toMatchObject({ updated: 1, errors: [] });
    expect(whole(imported)).toEqual(accounted);
    // And a change in the database itself is found.
    db.$client.prepare('UPDATE figures SET value_low = 239, value_best = 240, value_high = 241, revision = revision + 1 WHERE id = ?').run(imported);
    expect(whole(imported).sinceLatest).toBe(true);
  });

  it("dates the page's data by the newest of its figure, the count's reports and their sources", () => {
    const db = seeded();
    const id = tollId(db, 164);
    const at = (sql: string, ...args: unknown[]) => db.$client.prepare(sql).run(...args);
    at("UPDATE figures SET updated_at = '2024-01-01T00:00:00.000Z'");
    at("UPDATE sources SET updated_at = '2024-01-01T00:00:00.000Z'");
    expect(lastUpdatedOf(findFigurePage(db, id)!)).toBe('2024-01-01T00:00:00.000Z');
    // The latest report's source was corrected: the page names it, so its data changed.
    const latest = findFigurePage(db, id)!.latest!;
    at("UPDATE sources SET updated_at = '2025-02-02T00:00:00.000Z' WHERE id = ?", latest.sourceId);
    expect(lastUpdatedOf(findFigurePage(db, id)!)).toBe('2025-02-02T00:00:00.000Z');
    // A report of another count changed: not this page's data.
    at("UPDATE figures SET updated_at = '2026-03-03T00:00:00.000Z' WHERE metric_id <> 1");
    expect(lastUpdatedOf(findFigurePage(db, id)!)).toBe('2025-02-02T00:00:00.000Z');
  });

  it('says which report is the latest published, counting the retracted ones apart', () => {
    expect(latestOfCountWords(1, 0)).toBe('The only report of this count.');
    expect(latestOfCountWords(3, 0)).toBe('The latest of the 3 reports of this count.');
    expect(latestOfCountWords(2, 1)).toBe('The only published report of this count (and 1 retracted).');
    expect(latestOfCountWords(1_250, 2)).toBe('The latest of the 1,248 published reports of this count (and 2 retracted).');
    const db = seeded();
    const later = createFigure(db, deathTollForm({ valueBest: '500' }), EDITOR);
    expect(retractFigure(db, later.id, 1, 'a typing error', EDITOR).status).toBe('saved');
    const page = findFigurePage(db, tollId(db, 230))!;
    expect([page.seriesCount, page.seriesRetracted]).toEqual([4, 1]);
  });

  it("names as latest the report the event page's headline rule picks, for every count", () => {
    const db = seeded();
    // A second report on the latest date, entered later: the later entry wins, as on the event page.
    createFigure(db, deathTollForm({ reportedOn: '2022-03-14', valueBest: '231' }), EDITOR);
    for (const series of buildSeries(listFiguresForEvent(db, 1))) {
      for (const report of series.reports) expect(findFigurePage(db, report.id)!.latest?.id, series.key).toBe(series.headline?.id);
    }
  });

  it(`lists at most ${SERIES_SHOWN} reports of a count, around the figure itself, and which is the latest`, () => {
    const db = seeded();
    const insert = db.$client.prepare(
      "INSERT INTO figures (event_id, metric_id, group_name, location, qualifier, value_best, unit, reported_on, source_id) VALUES (1, 1, 'all', 'Many', 'exact', ?, 'people', ?, ?)",
    );
    // Two reports a day, value i the i-th entered: source 2's first, then source 1's, so the
    // identity index (date, then source) holds each day's pair the other way round from the
    // reading order (date, then entry).
    const total = SERIES_SHOWN + 5;
    for (let i = 0; i < total; i++) insert.run(i, new Date(Date.UTC(2022, 0, 1 + Math.floor(i / 2))).toISOString().slice(0, 10), 2 - (i % 2));
    const idOf = (value: number) => db.$client.prepare("SELECT id FROM figures WHERE location = 'Many' AND value_best = ?").pluck().get(value) as number;
    const shown = (value: number) => {
      const page = findFigurePage(db, idOf(value))!;
      expect(page.seriesCount).toBe(total);
      expect(page.series).toHaveLength(SERIES_SHOWN);
      // Exactly the reports from the offset on, in reading order.
      expect(page.series.map((r) => r.valueBest)).toEqual(Array.from({ length: SERIES_SHOWN }, (_, k) => page.seriesOffset + k));
      expect(page.series.map((r) => r.valueBest)).toContain(value);
      return { page, first: page.series[0]!.valueBest, offset: page.seriesOffset };
    };
    // The newest: the last page of reports, the figure last, and it is the latest.
    const newest = shown(total - 1);
    expect(newest.offset).toBe(5);
    expect(newest.first).toBe(5);
    expect(seriesRows(newest.page.series, newest.page.latest).at(-1)!.status).toBe('latest');
    // The oldest: the first reports; the latest is not among them, and none is called latest.
    const oldest = shown(0);
    expect(oldest.offset).toBe(0);
    expect(oldest.page.latest?.valueBest).toBe(total - 1);
    expect(seriesRows(oldest.page.series, oldest.page.latest).every((r) => r.status === 'superseded')).toBe(true);
    // One in the middle: half the list before it.
    expect(shown(102).offset).toBe(2);
    expect(shown(103).offset).toBe(3);
  });

  it('exists for the server exactly when the figure does, published or retracted', () => {
    const db = seeded();
    const id = tollId(db, 164);
    const asked = (path: string) => pageExists(db, dynamicPageRequested({ method: 'GET', url: path, headers: {} })!);
    expect(figurePageExists(db, id)).toBe(true);
    expect(asked(`/figures/${id}`)).toBe(true);
    expect(asked('/figures/999999')).toBe(false);
    expect(asked('/figures/0')).toBe(false);
    expect(asked(`/figures/0${id}`)).toBe(false);
    expect(retractFigure(db, id, 1, 'superseded by a later count', EDITOR).status).toBe('saved');
    expect(asked(`/figures/${id}`)).toBe(true);
  });
});
