import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createFigureAction, updateFigureAction } from '@/app/admin/(signed-in)/figures/actions';
import { IDLE_STATE } from '@/app/admin/ui/idle';
import type { Db } from '@/db/index';
import { listAuditForEntity } from '@/db/queries/audit-read';
import { createFigure, retractFigure } from '@/db/queries/figure-writes';
import { seriesNeighbours } from '@/db/queries/series-neighbours';
import { reasonText, UNUSUAL_CHANGED_MESSAGE, UNUSUAL_MESSAGE } from '@/lib/plausibility';
import { figureForm, figureFormOpenedOn, formDataOf } from '../helpers/editor-session';
import { deathTollForm } from '../helpers/figures';
import { expectRedirect } from '../helpers/next-headers';
import { signedInEditorOnSeededDb } from '../helpers/signed-in-db';
import { writeState } from '../helpers/write-state';

vi.mock('next/headers', () => import('../helpers/next-headers'));
const { refresh } = vi.hoisted(() => ({ refresh: vi.fn() }));
vi.mock('next/cache', () => ({ refresh }));

const served = signedInEditorOnSeededDb();
let db: Db;
let deaths: string;
beforeAll(() => {
  db = served.db;
  deaths = String(db.$client.prepare("SELECT id FROM metrics WHERE key = 'deaths'").pluck().get());
});

/** The seeded death toll of all of Kazakhstan: 164 (9 January), 225 (15 January), 230 (14 March 2022). */
const toll = (over: Record<string, string>) => figureForm({ metricId: deaths, group: 'all', location: 'Kazakhstan', ...over });
const idOf = (best: number) => db.$client.prepare("SELECT id FROM figures WHERE location = 'Kazakhstan' AND group_name = 'all' AND value_best = ?").pluck().get(best) as number;
const editorActor = { userId: null, label: 'test setup' };
/** A death toll of `location` stored without the form's check, with a source of its own; its id. */
const stored = (location: string, best: string, reportedOn: string) => createFigure(db, deathTollForm({ location, valueBest: best, reportedOn, newSourceTitle: `${location} ${reportedOn}` }), editorActor).id;
const series = (reportedOn: string, exceptId?: number) => ({ eventId: 1, metricId: Number(deaths), group: 'all', location: 'Kazakhstan', reportedOn, exceptId });

describe('seriesNeighbours', () => {
  it('finds the last published report on or before the date and the first after it', () => {
    const { before, after } = seriesNeighbours(db, series('2022-01-20'));
    expect([before?.valueBest, before?.reportedOn, before?.publisher]).toEqual([225, '2022-01-15', 'Associated Press']);
    expect([after?.valueBest, after?.reportedOn, after?.publisher]).toEqual([230, '2022-03-14', 'Interfax']);
    // A report of the same day is "before" it.
    expect(seriesNeighbours(db, series('2022-01-15')).before?.valueBest).toBe(225);
    expect(seriesNeighbours(db, series('2022-01-01'))).toMatchObject({ before: null, after: { valueBest: 164 } });
    expect(seriesNeighbours(db, series('2023-01-01'))).toMatchObject({ before: { valueBest: 230 }, after: null });
  });

  it('leaves out the figure being edited, retracted reports, reports being determined and other series', () => {
    expect(seriesNeighbours(db, series('2022-01-15', idOf(225))).before?.valueBest).toBe(164);
    // Civilians' toll: 20 (14 March), and "being determined" on 11 January, which is not compared with.
    expect(seriesNeighbours(db, { ...series('2022-02-01'), group: 'civilians' })).toMatchObject({ before: null, after: { valueBest: 20 } });
    expect(seriesNeighbours(db, { ...series('2022-02-01'), location: 'Nowhere' })).toEqual({ before: null, after: null });
  });
});

describe('the figure form asks before saving an unusual number', () => {
  it('a new report ten times the last one is not saved; the answer lists why and keeps what was typed', async () => {
    const before = writeState(db);
    const answer = await createFigureAction(IDLE_STATE, formDataOf(toll({ valueBest: '2300', reportedOn: '2022-03-20', note: 'typed' })));
    expect(answer).toMatchObject({ status: 'error', message: UNUSUAL_MESSAGE, values: { valueBest: '2300', note: 'typed' } });
    expect(answer.unusual?.reasons.map(reasonText)).toEqual([`2,300 is 10 times the last report before it in this series: 230, reported 14 March 2022 by Prosecutor General Berik Asylov (Mazhilis plenary), published by Interfax (figure #${idOf(230)}).`]);
    expect(writeState(db)).toEqual(before);
  });

  it('saves it when the form confirms that very warning, and asks again when the key is another', async () => {
    const form = toll({ valueBest: '2300', reportedOn: '2022-03-21' });
    const { unusual } = await createFigureAction(IDLE_STATE, formDataOf(form));
    const wrong = await createFigureAction(IDLE_STATE, formDataOf({ ...form, confirmUnusual: 'not-the-key' }));
    expect(wrong.unusual).toEqual(unusual);
    const target = await expectRedirect(() => createFigureAction(IDLE_STATE, formDataOf({ ...form, confirmUnusual: unusual!.key })));
    expect(target).toMatch(/^\/admin\/figures\/\d+\?saved=created$/);
    // The warning confirmed is kept with the save, in its words; a save not asked about keeps none.
    const id = Number(/figures\/(\d+)/.exec(target)![1]);
    expect(listAuditForEntity(db, 'figure', id).map((e) => e.confirmedWarning)).toEqual([unusual!.reasons.map(reasonText).join(' ')]);
    expect(listAuditForEntity(db, 'figure', idOf(230)).map((e) => e.confirmedWarning)).toEqual([null]);
    db.$client.prepare("DELETE FROM figures WHERE value_best = 2300").run();
  });

  it('a confirmation of one number does not save another: changing it asks again', async () => {
    const { unusual } = await createFigureAction(IDLE_STATE, formDataOf(toll({ valueBest: '2300', reportedOn: '2022-03-22' })));
    const again = await createFigureAction(IDLE_STATE, formDataOf(toll({ valueBest: '2400', reportedOn: '2022-03-22', confirmUnusual: unusual!.key })));
    expect(again.unusual?.reasons[0]?.text).toMatch(/^2,400 is 10\.4 times/);
    // It says why it asks again: what was confirmed has changed.
    expect(again.message).toBe(UNUSUAL_CHANGED_MESSAGE);
  });

  it('a usual number saves at once, a confirmation field or not', async () => {
    const target = await expectRedirect(() => createFigureAction(IDLE_STATE, formDataOf(toll({ valueBest: '238', reportedOn: '2022-03-23', confirmUnusual: 'anything' }))));
    expect(target).toMatch(/saved=created$/);
  });

  it("a unit that is not the metric's is refused first, as it may be what makes the number look unusual", async () => {
    const answer = await createFigureAction(IDLE_STATE, formDataOf(toll({ valueBest: '2300000', reportedOn: '2022-03-24', unit: 'KZT' })));
    expect(answer.unusual).toBeUndefined();
    expect(answer.errors?.unit?.[0]).toMatch(/people/);
  });

  it('an edit is asked about only when it changes the number or where it stands', async () => {
    const id = idOf(225);
    const opened = figureFormOpenedOn(db, id, '1');
    // A note on the seeded figure saves without a question.
    expect(await expectRedirect(() => updateFigureAction(IDLE_STATE, formDataOf({ ...opened, note: 'checked' })))).toBe(`/admin/figures/${id}?saved=updated`);
    const edited = figureFormOpenedOn(db, id, '2');
    const asked = await updateFigureAction(IDLE_STATE, formDataOf({ ...edited, valueBest: '22500' }));
    // Compared with its neighbours, not with itself: 164 before it, 230 after it.
    expect(asked.unusual?.reasons.map((r) => r.text.slice(0, 40))).toEqual(['22,500 is 137 times the last report befo', '22,500 is 97.8 times the next report aft']);
    expect(db.$client.prepare('SELECT value_best, revision FROM figures WHERE id = ?').get(id)).toEqual({ value_best: 225, revision: 2 });
    // Once confirmed it is saved, and the next edit of its note is not asked about it again.
    expect(await expectRedirect(() => updateFigureAction(IDLE_STATE, formDataOf({ ...edited, valueBest: '22500', confirmUnusual: asked.unusual!.key })))).toMatch(/saved=updated$/);
    const confirmed = figureFormOpenedOn(db, id, '3');
    expect(await expectRedirect(() => updateFigureAction(IDLE_STATE, formDataOf({ ...confirmed, note: 'checked twice' })))).toMatch(/saved=updated$/);
    // Newest first: the note's edit (not asked), the confirmed number, the first note, the seed's entry.
    expect(listAuditForEntity(db, 'figure', id).map((e) => e.confirmedWarning)).toEqual([null, asked.unusual!.reasons.map(reasonText).join(' '), null, null]);
  });

  it('an edit that moves a figure to another day compares it with its new neighbours, not with itself as stored', async () => {
    // Moveton: 100 on 10 January, 2,000 on 20 January (entered without the form's check).
    stored('Moveton', '100', '2022-01-10');
    const id = stored('Moveton', '2000', '2022-01-20');
    // Corrected to 120 and moved to 25 January: next to 100, usual. As stored (2,000) it is not its own neighbour.
    expect(await expectRedirect(() => updateFigureAction(IDLE_STATE, formDataOf({ ...figureFormOpenedOn(db, id, '1'), valueBest: '120', reportedOn: '2022-01-25' })))).toMatch(/saved=updated$/);
  });

  it('the only report of its series, edited tenfold, is compared with its own saved number', async () => {
    const id = stored('Loneton', '4353', '2022-01-15');
    const asked = await updateFigureAction(IDLE_STATE, formDataOf({ ...figureFormOpenedOn(db, id, '1'), valueBest: '43530' }));
    expect(asked.unusual?.reasons.map(reasonText)).toEqual([`43,530 is 10 times this figure's number as saved (revision 1), the only report in this series: 4,353 (figure #${id}).`]);
    expect(asked.message).toBe(UNUSUAL_MESSAGE);
  });

  it('a retracted figure is not asked about, as the import does not name it either', async () => {
    stored('Retractville', '10', '2022-01-10');
    const id = stored('Retractville', '12', '2022-01-11');
    expect(retractFigure(db, id, 1, 'entered twice', editorActor).status).toBe('saved');
    expect(await expectRedirect(() => updateFigureAction(IDLE_STATE, formDataOf({ ...figureFormOpenedOn(db, id, '2'), valueBest: '1200' })))).toMatch(/saved=updated$/);
  });

  it('a stale edit is answered with the other editor’s changes, not with a question about its number', async () => {
    const id = idOf(164);
    const opened = figureFormOpenedOn(db, id, '1');
    await expectRedirect(() => updateFigureAction(IDLE_STATE, formDataOf({ ...opened, note: 'theirs' })));
    const answer = await updateFigureAction(IDLE_STATE, formDataOf({ ...opened, valueBest: '16400' }));
    expect(answer.unusual).toBeUndefined();
    expect(answer.message).toMatch(/someone else changed this figure/);
  });
});
