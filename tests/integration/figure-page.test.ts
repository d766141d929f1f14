import { describe, expect, it } from 'vitest';
import { figurePageExists, findFigurePage, SERIES_SHOWN } from '@/db/queries/figure-page';
import { createFigure, retractFigure, updateFigure } from '@/db/queries/figure-writes';
import { listFiguresForEvent } from '@/db/queries/figures';
import { buildSeries, seriesRows } from '@/lib/dashboard';
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
      "INSERT INTO figures (event_id, metric_id, group_name, location, qualifier, value_best, unit, reported_on, source_id) VALUES (1, 1, 'all', 'Many', 'exact', ?, 'people', ?, 1)",
    );
    // One report a day (a count's identity includes the date it was reported); value i on day i.
    const total = SERIES_SHOWN + 5;
    for (let i = 0; i < total; i++) insert.run(i, new Date(Date.UTC(2022, 0, 1 + i)).toISOString().slice(0, 10));
    const idOf = (value: number) => db.$client.prepare("SELECT id FROM figures WHERE location = 'Many' AND value_best = ?").pluck().get(value) as number;
    const shown = (value: number) => {
      const page = findFigurePage(db, idOf(value))!;
      expect(page.seriesCount).toBe(total);
      expect(page.series).toHaveLength(SERIES_SHOWN);
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
