import { afterEach, describe, expect, it } from 'vitest';
import { listPreviousFigureValues } from '@/db/queries/audit-read';
import { createFigure, restoreFigure, retractFigure, updateFigure } from '@/db/queries/figure-writes';
import { importCsvText } from '@/lib/import/run';
import { createSeededTestDb } from '../helpers/db';
import { deathTollForm } from '../helpers/figures';

let cleanup = () => {};
afterEach(() => cleanup());
const editor = { userId: null, label: 'editor@example.org' };

describe('what a changed figure was', () => {
  it('is its number before its latest change through the app: an edit, a retraction, a restoration, an import', () => {
    const test = createSeededTestDb();
    cleanup = test.cleanup;
    const { db } = test;
    const figure = createFigure(db, deathTollForm(), editor);
    const untouched = 1;
    const at = (id: number) => db.$client.prepare('SELECT id, revision FROM figures WHERE id = ?').get(id) as { id: number; revision: number };
    const previousOf = (...ids: number[]) => listPreviousFigureValues(db, ids.map(at));
    expect(previousOf(figure.id, untouched)).toEqual(new Map());

    updateFigure(db, figure.id, 1, deathTollForm({ qualifier: 'about', valueBest: '240', sourceChoice: 'existing', sourceId: String(figure.sourceId) }), editor);
    expect(previousOf(figure.id, untouched)).toEqual(new Map([[figure.id, { qualifier: 'exact', valueLow: null, valueBest: 238, valueHigh: null, unit: 'people' }]]));

    retractFigure(db, figure.id, 2, 'wrong', editor);
    expect(previousOf(figure.id).get(figure.id)).toMatchObject({ qualifier: 'about', valueBest: 240 });
    restoreFigure(db, figure.id, 3, editor);
    expect(previousOf(figure.id).get(figure.id)).toMatchObject({ qualifier: 'about', valueBest: 240 });

    // A re-import of a seeded figure with another number.
    const row = db.$client.prepare(`SELECT f.id, s.reporting_body, s.title, s.url, s.publisher FROM figures f JOIN sources s ON s.id = f.source_id
      WHERE f.value_best = 164`).get() as { id: number; reporting_body: string; title: string; url: string; publisher: string };
    const csv = ['event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body,publisher,source_title,source_url',
      `kazakhstan-2022-unrest,deaths,all,Kazakhstan,exact,,165,,people,2022-01-09,${row.reporting_body},${row.publisher},${row.title},${row.url}`].join('\n');
    expect(importCsvText(db, csv, editor)).toMatchObject({ updated: 1, errors: [] });
    expect(previousOf(row.id).get(row.id)).toMatchObject({ valueBest: 164 });

    // Changed again in the sqlite3 shell (no audit entry): what it was before that is unknown, so nothing is said.
    db.$client.prepare('UPDATE figures SET value_best = 166, revision = revision + 1 WHERE id = ?').run(row.id);
    expect(previousOf(row.id)).toEqual(new Map());
  });
});
