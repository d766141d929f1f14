import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createFigureAction, retractFigureAction, updateFigureAction } from '@/app/admin/(signed-in)/figures/actions';
import { createSourceAction } from '@/app/admin/(signed-in)/sources/actions';
import { signIn } from '@/app/admin/login/actions';
import { IDLE_STATE } from '@/app/admin/ui/idle';
import type { Db } from '@/db/index';
import { SESSION_COOKIE } from '@/lib/auth/session-token';
import { EDITOR, figureForm, figureFormOpenedOn, formDataOf } from '../helpers/editor-session';
import { redirectTarget, requestCookies } from '../helpers/next-headers';
import { signedInEditorOnSeededDb } from '../helpers/signed-in-db';

vi.mock('next/headers', () => import('../helpers/next-headers'));
// Next's refresh() works only inside a request; here it records that a refused edit asked for it.
const { refresh } = vi.hoisted(() => ({ refresh: vi.fn() }));
vi.mock('next/cache', () => ({ refresh }));

/**
 * Every answer of a form's server action carries the previous state's key plus one, so the form,
 * keyed by it, is drawn again from the values sent back (with JavaScript on; without it, the page
 * is drawn afresh anyway). The key is counted by the action, which the form gets unwrapped.
 */
const served = signedInEditorOnSeededDb();
let db: Db;
beforeAll(() => {
  db = served.db;
});

/** The edit form as opened on a figure at a revision: its stored values, as text. */
const openedOn = (id: number, revision: string) => figureFormOpenedOn(db, id, revision);

describe('the key of a form\'s answer', () => {
  it('a refused figure counts up from the idle state, answer after answer, keeping what was typed', async () => {
    const first = await createFigureAction(IDLE_STATE, formDataOf(figureForm({ location: '', note: 'typed' })));
    expect(first).toMatchObject({ status: 'error', key: 1, values: { note: 'typed' } });
    expect(first.errors?.location?.length).toBeGreaterThan(0);
    const second = await createFigureAction(first, formDataOf(figureForm({ valueBest: 'many', note: 'typed again' })));
    expect(second).toMatchObject({ status: 'error', key: 2, values: { note: 'typed again', valueBest: 'many' } });
  });

  it('a stale edit (an answer from the handler, not the schema) gets the next key too', async () => {
    const revision = () => String(db.$client.prepare('SELECT revision FROM figures WHERE id = 1').pluck().get());
    const opened = revision();
    // Someone else saves the figure after this editor opened it: their save redirects.
    const saved = await updateFigureAction(IDLE_STATE, formDataOf(figureForm({ figureId: '1', revision: opened, note: 'theirs' }))).catch((err: unknown) => redirectTarget(err));
    expect(saved).toBe('/admin/figures/1?saved=updated');
    refresh.mockClear();
    const stale = await updateFigureAction({ status: 'error', key: 6 }, formDataOf(figureForm({ figureId: '1', revision: opened, note: 'mine' })));
    expect(stale).toMatchObject({ status: 'error', key: 7, values: { note: 'mine' } });
    expect(stale.message).toMatch(/someone else changed this figure/);
    // The answer names the revision now stored, and the page is refreshed to it.
    expect(stale.version).toBe(Number(revision()));
    expect(stale.values?.revision).toBe(revision());
    expect(refresh).toHaveBeenCalledTimes(1);

    // A refused retraction names the revision now stored too, and the page is refreshed to it (its
    // form keeps the answer: useAnswerFor), worded for a retraction.
    refresh.mockClear();
    const retraction = await retractFigureAction(IDLE_STATE, formDataOf({ figureId: '1', revision: opened, reason: 'typed reason' }));
    expect(retraction).toMatchObject({ status: 'error', version: Number(revision()), values: { reason: 'typed reason', revision: revision() } });
    expect(retraction.message).toMatch(/what you typed is still in the form: review them, then retract it again if it still should be\.$/);
    expect(refresh).toHaveBeenCalledTimes(1);

    // Unless the figure was retracted meanwhile: the page would swap the retract form, and its
    // answer, for the restore form. The answer stays with the page as it was.
    const current = revision();
    const retracted = await retractFigureAction(IDLE_STATE, formDataOf({ figureId: '1', revision: current, reason: 'their reason' })).catch((err: unknown) => redirectTarget(err));
    expect(retracted).toBe('/admin/figures/1?saved=retracted');
    refresh.mockClear();
    const late = await retractFigureAction(IDLE_STATE, formDataOf({ figureId: '1', revision: current, reason: 'typed reason' }));
    expect(late).toMatchObject({ status: 'error', values: { reason: 'typed reason' } });
    expect(refresh).not.toHaveBeenCalled();
  });

  it('a stale edit is merged onto the figure as it is now: the other editor’s changes stay where this editor typed nothing', async () => {
    const revision = () => String(db.$client.prepare('SELECT revision FROM figures WHERE id = 2').pluck().get());
    const opened = revision();
    const fields = openedOn(2, opened);
    const valueBest = Number(fields.valueBest);
    const theirs = await updateFigureAction(IDLE_STATE, formDataOf({ ...fields, valueBest: String(valueBest + 7), note: 'their note' })).catch((err: unknown) => redirectTarget(err));
    expect(theirs).toBe('/admin/figures/2?saved=updated');
    const stale = await updateFigureAction(IDLE_STATE, formDataOf({ ...fields, note: 'my note' }));
    expect(stale.values).toMatchObject({ valueBest: String(valueBest + 7), note: 'my note', revision: String(Number(opened) + 1) });
    expect(stale.errors).toEqual({ note: ['They changed this too, to “their note”. Yours is kept: save again to replace theirs, or change it.'] });
    // Saving the merged form again: the number stays theirs, the note becomes this editor's.
    const again = await updateFigureAction(stale, formDataOf(stale.values!)).catch((err: unknown) => redirectTarget(err));
    expect(again).toBe('/admin/figures/2?saved=updated');
    expect(db.$client.prepare('SELECT value_best AS valueBest, note FROM figures WHERE id = 2').get()).toEqual({ valueBest: valueBest + 7, note: 'my note' });
  });

  it('a stale edit offers the source the other editor added since, and marks values of theirs and this editor’s that do not fit together', async () => {
    const row = db.$client.prepare(`SELECT id, revision, value_best AS valueBest FROM figures
      WHERE qualifier = 'exact' AND value_low IS NULL AND value_best > 10 AND id > 4 ORDER BY id LIMIT 1`).get() as { id: number; revision: number; valueBest: number };
    const form = openedOn(row.id, String(row.revision));
    // They move it to a new source and to a range around the number.
    const theirs = await updateFigureAction(IDLE_STATE, formDataOf({
      ...form, sourceChoice: 'new', newSourceReportingBody: 'A body added meanwhile', newSourcePublishedOn: '2022-01-20', valueLow: String(row.valueBest - 1), valueHigh: String(row.valueBest + 1),
    })).catch((err: unknown) => redirectTarget(err));
    expect(theirs).toBe(`/admin/figures/${row.id}?saved=updated`);
    const sourceId = db.$client.prepare('SELECT source_id FROM figures WHERE id = ?').pluck().get(row.id) as number;
    // This editor, from the form opened before, raises the best number above their range.
    const stale = await updateFigureAction(IDLE_STATE, formDataOf({ ...form, valueBest: String(row.valueBest + 5) }));
    expect(stale.values).toMatchObject({ sourceId: String(sourceId), sourceChoice: 'existing', valueHigh: String(row.valueBest + 1), valueBest: String(row.valueBest + 5) });
    expect(stale.choices).toEqual({ sourceId: { value: String(sourceId), label: expect.stringContaining('A body added meanwhile') } });
    // The figure's rules place the problem on the high end (best above high), as the form would on saving.
    expect(Object.keys(stale.errors ?? {})).toEqual(['valueHigh']);
  });

  it('a stale edit of a figure whose history lacks the revision it was opened at keeps what was typed and says saving again replaces theirs', async () => {
    const opened = String(db.$client.prepare('SELECT revision FROM figures WHERE id = 4').pluck().get());
    const form = openedOn(4, opened);
    await updateFigureAction(IDLE_STATE, formDataOf({ ...form, note: 'theirs' })).catch((err: unknown) => redirectTarget(err));
    // The entry of the opened revision is gone (a database written outside the app).
    db.$client.prepare(`DELETE FROM audit_entries WHERE entity_type = 'figure' AND entity_id = 4 AND json_extract(after, '$.revision') = ?`).run(Number(opened));
    const stale = await updateFigureAction(IDLE_STATE, formDataOf({ ...form, quote: 'mine' }));
    expect(stale.message).toMatch(/your edits are still in the form: review them, then save again to replace their version\.$/);
    expect(stale.values).toMatchObject({ note: form.note, quote: 'mine', revision: String(Number(opened) + 1) });
  });

  it('a refused source, from a previous state without a key, starts at 1', async () => {
    const state = await createSourceAction({ status: 'idle' }, formDataOf({ reportingBody: '', publishedOn: 'soon' }));
    expect(state).toMatchObject({ status: 'error', key: 1, values: { publishedOn: 'soon' } });
  });

  it('a refused sign-in counts up and keeps the e-mail address, never the password', async () => {
    requestCookies.clear();
    try {
      const first = await signIn(IDLE_STATE, formDataOf({ email: EDITOR.email, password: 'not the password' }));
      expect(first).toMatchObject({ status: 'error', key: 1, values: { email: EDITOR.email } });
      expect(JSON.stringify(first)).not.toContain('not the password');
      const second = await signIn(first, formDataOf({ email: 'someone', password: '' }));
      expect(second).toMatchObject({ status: 'error', key: 2, values: { email: 'someone' } });
    } finally {
      requestCookies.set(SESSION_COOKIE, served.token);
    }
  });
});
