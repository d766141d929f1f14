import { afterEach, describe, expect, it } from 'vitest';
import { listAuditForEntity, listFigureChanges, type PreviousValue } from '@/db/queries/audit-read';
import { correctionsOf } from '@/lib/public-history';
import { createFigure, restoreFigure, retractFigure, updateFigure } from '@/db/queries/figure-writes';
import { importCsvText } from '@/lib/import/run';
import { createSeededTestDb } from '../helpers/db';
import { deathTollForm } from '../helpers/figures';
import { FIGURE_NUMBER_CHANGED } from '@/db/schema';

let cleanup = () => {};
type Shown = Parameters<typeof listFigureChanges>[1][number];
/** What each figure "was", by id: the figures whose latest change of number is known. */
const listPreviousFigureValues = (db: Parameters<typeof listFigureChanges>[0], figures: Shown[]) =>
  new Map([...listFigureChanges(db, figures)].flatMap(([id, c]): Array<[number, PreviousValue]> => (c.was ? [[id, c.was]] : [])));
afterEach(() => cleanup());
const editor = { userId: null, label: 'editor@example.org' };

describe('what a changed figure was', () => {
  it('is its number before the latest change of its number through the app (an edit, an import), as its own page says', () => {
    const test = createSeededTestDb();
    cleanup = test.cleanup;
    const { db } = test;
    const figure = createFigure(db, deathTollForm(), editor);
    const untouched = 1;
    const at = (id: number) =>
      db.$client.prepare('SELECT id, revision, qualifier, value_low AS valueLow, value_best AS valueBest, value_high AS valueHigh, unit FROM figures WHERE id = ?').get(id) as Shown;
    const previousOf = (...ids: number[]) => {
      const found = listPreviousFigureValues(db, ids.map(at));
      // The event page says what the figure's own page says it was.
      for (const id of ids) expect(found.get(id) ?? null, `figure ${id}`).toEqual(correctionsOf(listAuditForEntity(db, 'figure', id)).number?.was ?? null);
      return found;
    };
    expect(previousOf(figure.id, untouched)).toEqual(new Map());

    updateFigure(db, figure.id, 1, deathTollForm({ qualifier: 'about', valueBest: '240', sourceChoice: 'existing', sourceId: String(figure.sourceId) }), editor);
    expect(previousOf(figure.id, untouched)).toEqual(new Map([[figure.id, { qualifier: 'exact', valueLow: null, valueBest: 238, valueHigh: null, unit: 'people' }]]));

    // A retraction and a restoration change whether it stands, not its number: it was still 238.
    const actionOf = (id: number) => listFigureChanges(db, [at(id)]).get(id)?.action;
    const wasLatest = (id: number) => listFigureChanges(db, [at(id)]).get(id)?.wasLatest;
    expect(actionOf(figure.id)).toBe('update');
    expect(wasLatest(figure.id)).toBe(true);
    retractFigure(db, figure.id, 2, 'wrong', editor);
    expect(previousOf(figure.id).get(figure.id)).toMatchObject({ qualifier: 'exact', valueBest: 238 });
    expect(actionOf(figure.id)).toBe('retract');
    restoreFigure(db, figure.id, 3, editor);
    expect(previousOf(figure.id).get(figure.id)).toMatchObject({ qualifier: 'exact', valueBest: 238 });
    expect(actionOf(figure.id)).toBe('restore');
    // The number's change was the edit before the retraction: not this restoration.
    expect(wasLatest(figure.id)).toBe(false);
    // A later edit of the note alone leaves it too; one of the number says the number before it.
    updateFigure(db, figure.id, 4, deathTollForm({ qualifier: 'about', valueBest: '240', note: 'checked again', sourceChoice: 'existing', sourceId: String(figure.sourceId) }), editor);
    expect(previousOf(figure.id).get(figure.id)).toMatchObject({ qualifier: 'exact', valueBest: 238 });
    updateFigure(db, figure.id, 5, deathTollForm({ qualifier: 'about', valueBest: '241', note: 'checked again', sourceChoice: 'existing', sourceId: String(figure.sourceId) }), editor);
    expect(previousOf(figure.id).get(figure.id)).toMatchObject({ qualifier: 'about', valueBest: 240 });

    // A re-import of a seeded figure with another number.
    const row = db.$client.prepare(`SELECT f.id, s.reporting_body, s.title, s.url, s.publisher FROM figures f JOIN sources s ON s.id = f.source_id
      WHERE f.value_best = 164`).get() as { id: number; reporting_body: string; title: string; url: string; publisher: string };
    const csv = ['event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body,publisher,source_title,source_url',
      `kazakhstan-2022-unrest,deaths,all,Kazakhstan,exact,,165,,people,2022-01-09,${row.reporting_body},${row.publisher},${row.title},${row.url}`].join('\n');
    expect(importCsvText(db, csv, editor)).toMatchObject({ updated: 1, errors: [] });
    expect(previousOf(row.id).get(row.id)).toMatchObject({ valueBest: 164 });

    // Changed again in the sqlite3 shell (no audit entry): what it was before that is unknown, so nothing is said.
    // (The figure's page says so too: changedOutsideLatest, tests/unit/public-history.test.ts.)
    db.$client.prepare('UPDATE figures SET value_best = 166, revision = revision + 1 WHERE id = ?').run(row.id);
    expect(listPreviousFigureValues(db, [at(row.id)])).toEqual(new Map());
    // The same when the shell leaves the revision as it was: the number is not the one the trail left.
    expect(previousOf(figure.id).get(figure.id)).toMatchObject({ valueBest: 240 });
    db.$client.prepare('UPDATE figures SET value_best = 300 WHERE id = ?').run(figure.id);
    expect(listPreviousFigureValues(db, [at(figure.id)])).toEqual(new Map());
  });
});

describe('the query behind "was"', () => {
  it('reads each figure its newest change of number from the partial index, not its whole trail', () => {
    const test = createSeededTestDb();
    cleanup = test.cleanup;
    const { db } = test;
    const figure = createFigure(db, deathTollForm(), editor);
    const changes = db.$client.prepare(`SELECT id FROM audit_entries INDEXED BY audit_figure_number_changes WHERE entity_id = ? AND ${FIGURE_NUMBER_CHANGED}`);
    // Note-only edits are not in the index; a change of number is.
    updateFigure(db, figure.id, 1, deathTollForm({ note: 'checked', sourceChoice: 'existing', sourceId: String(figure.sourceId) }), editor);
    expect(changes.all(figure.id)).toEqual([]);
    updateFigure(db, figure.id, 2, deathTollForm({ valueBest: '240', note: 'checked', sourceChoice: 'existing', sourceId: String(figure.sourceId) }), editor);
    expect(changes.all(figure.id)).toHaveLength(1);
    // The planner takes the index for the statement listPreviousFigureValues runs (its WHERE must
    // carry FIGURE_NUMBER_CHANGED's text verbatim, or SQLite would walk the figure's whole trail).
    const prepare = db.$client.prepare.bind(db.$client);
    try {
      const captured: string[] = [];
      db.$client.prepare = ((source: string) => {
        if (source.includes('json_each')) captured.push(source);
        return prepare(source);
      }) as typeof db.$client.prepare;
      listPreviousFigureValues(db, [{ id: figure.id, revision: 3, qualifier: 'exact', valueLow: null, valueBest: 240, valueHigh: null, unit: 'people' }]);
      expect(captured).toHaveLength(1);
      const plan = (prepare(`EXPLAIN QUERY PLAN ${captured[0]}`).all('[]') as Array<{ detail: string }>).map((r) => r.detail);
      expect(plan.join('\n')).toContain('USING INDEX audit_figure_number_changes');
    } finally {
      db.$client.prepare = prepare;
    }
  });
});
