import { beforeAll, describe, expect, it, vi } from 'vitest';
import { updateEventAction } from '@/app/admin/(signed-in)/events/actions';
import { retractFigureAction, updateFigureAction } from '@/app/admin/(signed-in)/figures/actions';
import { updateSourceAction } from '@/app/admin/(signed-in)/sources/actions';
import { IDLE_STATE } from '@/app/admin/ui/idle';
import type { Db } from '@/db/index';
import { createEvent, findEventById, findSourceById, updateSource } from '@/db/queries/catalog-admin';
import { EDITOR, figureFormOpenedOn, formDataOf } from '../helpers/editor-session';
import { redirectTarget } from '../helpers/next-headers';
import { signedInEditorOnSeededDb } from '../helpers/signed-in-db';

vi.mock('next/headers', () => import('../helpers/next-headers'));
const { refresh } = vi.hoisted(() => ({ refresh: vi.fn() }));
vi.mock('next/cache', () => ({ refresh }));

/**
 * Two editors with the same event or source open: the second save is refused rather than
 * silently undoing the first, says what changed, and keeps the first editor's changes in the form
 * where the second typed nothing. Saving again is then deliberate.
 */
const served = signedInEditorOnSeededDb();
let db: Db;
beforeAll(() => {
  db = served.db;
});

const auditCount = () => db.$client.prepare('SELECT count(*) FROM audit_entries').pluck().get() as number;

/** The source's edit form as opened now: its stored values, as text. */
function sourceForm(id: number): Record<string, string> {
  const s = findSourceById(db, id)!;
  return { id: String(id), updatedAt: s.updatedAt, reportingBody: s.reportingBody, publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn, fullText: s.fullText ?? '' };
}

describe('editing a source someone else saved meanwhile', () => {
  it('is refused with nothing written; the form holds their change with this edit on top, and saving again keeps both', async () => {
    const opened = sourceForm(3);
    // They set the title (from the same version).
    expect(await updateSourceAction(IDLE_STATE, formDataOf({ ...opened, title: 'Their title' })).catch(redirectTarget)).toBe('/admin/sources/3?saved=1');
    const before = auditCount();
    refresh.mockClear();

    const stale = await updateSourceAction(IDLE_STATE, formDataOf({ ...opened, publisher: 'My publisher' }));
    expect(stale.message).toBe('Not saved: someone else changed this source after you opened it. Their changes are listed below. The form now holds their version with your edits on top: review it, then save again.');
    expect(stale.changes).toEqual([{ field: 'title', label: 'Title', before: opened.title || '(empty)', after: 'Their title' }]);
    // Who changed it and when (a source's edit has no reason field).
    expect(stale.changedBy).toEqual([{ actor: EDITOR.email, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), action: 'update', entityType: 'source', reason: null }]);
    expect(stale.values).toMatchObject({ title: 'Their title', publisher: 'My publisher', updatedAt: findSourceById(db, 3)!.updatedAt });
    expect(stale.version).toBe(findSourceById(db, 3)!.updatedAt);
    expect(stale.errors).toBeUndefined();
    expect(findSourceById(db, 3)).toMatchObject({ title: 'Their title', publisher: opened.publisher });
    expect(auditCount()).toBe(before);
    expect(refresh).toHaveBeenCalledTimes(1);

    expect(await updateSourceAction(stale, formDataOf(stale.values!)).catch(redirectTarget)).toBe('/admin/sources/3?saved=1');
    expect(findSourceById(db, 3)).toMatchObject({ title: 'Their title', publisher: 'My publisher' });
  });

  it('marks a field both changed, keeping this editor’s value', async () => {
    const opened = sourceForm(4);
    await updateSourceAction(IDLE_STATE, formDataOf({ ...opened, title: 'Theirs' })).catch(redirectTarget);
    const stale = await updateSourceAction(IDLE_STATE, formDataOf({ ...opened, title: 'Mine' }));
    expect(stale.values?.title).toBe('Mine');
    expect(stale.errors).toEqual({ title: ['They changed this too, to “Theirs”. Yours is kept: save again to replace theirs, or change it.'] });
    expect(stale.message).toContain('where you both changed a field, yours is kept and the field is marked');
  });

  it('keeps what was typed when the history lacks the version opened (a change made outside the app)', async () => {
    const opened = sourceForm(5);
    db.$client.prepare("UPDATE sources SET title = 'Changed in the shell', updated_at = '2030-01-01T00:00:00.000Z' WHERE id = 5").run();
    db.$client.prepare("DELETE FROM audit_entries WHERE entity_type = 'source' AND entity_id = 5").run();
    const stale = await updateSourceAction(IDLE_STATE, formDataOf({ ...opened, publisher: 'Mine' }));
    expect(stale.message).toMatch(/Its history lacks the version you opened, so their changes cannot be listed; your edits are still in the form/);
    expect(stale.changes).toBeUndefined();
    expect(stale.changedBy).toEqual([]);
    expect(stale.values).toMatchObject({ title: opened.title, publisher: 'Mine', updatedAt: '2030-01-01T00:00:00.000Z' });
  });

  it('is refused when the form does not say which version it was opened at', async () => {
    const { updatedAt: _, ...withoutVersion } = sourceForm(6);
    const answer = await updateSourceAction(IDLE_STATE, formDataOf({ ...withoutVersion, publisher: 'Mine' }));
    // Said by the form's status: the field is hidden.
    expect(answer.errors?._form).toEqual(['The form is missing the version it was opened at; reload the page and try again.']);
    expect(findSourceById(db, 6)!.publisher).not.toBe('Mine');
  });

  it('the query refuses a stale version by itself, whoever calls it', () => {
    const s = findSourceById(db, 7)!;
    const result = updateSource(db, 7, '2000-01-01T00:00:00.000Z', { reportingBody: s.reportingBody, publisher: 'X', title: s.title, url: s.url, publishedOn: s.publishedOn, fullText: '' }, { userId: null, label: 'test' });
    expect(result).toMatchObject({ status: 'stale', current: { id: 7, publisher: s.publisher } });
    expect(findSourceById(db, 7)!.publisher).toBe(s.publisher);
  });
});

describe('editing an event someone else saved meanwhile', () => {
  it('is refused and merged the same way', async () => {
    const e = findEventById(db, 1)!;
    const opened = { id: '1', updatedAt: e.updatedAt, name: e.name, slug: e.slug, country: e.country, startDate: e.startDate, endDate: e.endDate ?? '', description: e.description };
    expect(await updateEventAction(IDLE_STATE, formDataOf({ ...opened, description: 'Their description' })).catch(redirectTarget)).toBe(`/admin/events/1?saved=1`);
    const stale = await updateEventAction(IDLE_STATE, formDataOf({ ...opened, name: `${e.name} (edited)` }));
    expect(stale.message).toMatch(/^Not saved: someone else changed this event after you opened it\./);
    expect(stale.changes?.map((c) => c.field)).toEqual(['description']);
    expect(stale.changedBy).toMatchObject([{ actor: EDITOR.email, action: 'update', entityType: 'event' }]);
    expect(stale.values).toMatchObject({ description: 'Their description', name: `${e.name} (edited)` });
    expect(findEventById(db, 1)).toMatchObject({ name: e.name, description: 'Their description' });
  });

  it('marks what their values and this editor’s do not allow together: their end date before this editor’s start', async () => {
    const { id } = createEvent(db, { slug: 'merged-dates', name: 'Dates', country: 'X', startDate: '2022-01-01', description: '' }, { userId: null, label: 'test' });
    const e = findEventById(db, id)!;
    const opened = { id: String(id), updatedAt: e.updatedAt, name: e.name, slug: e.slug, country: e.country, startDate: e.startDate, endDate: '', description: '' };
    await updateEventAction(IDLE_STATE, formDataOf({ ...opened, endDate: '2022-01-05' })).catch(redirectTarget);
    const stale = await updateEventAction(IDLE_STATE, formDataOf({ ...opened, startDate: '2022-01-10' }));
    expect(stale.values).toMatchObject({ startDate: '2022-01-10', endDate: '2022-01-05' });
    expect(stale.errors).toEqual({ endDate: ['The end date must not be before the start date.'] });
  });
});

describe('editing a figure someone else saved meanwhile', () => {
  it('says who changed it since, when, and why, oldest first, and only the changes after the revision opened', async () => {
    const opened = db.$client.prepare('SELECT revision FROM figures WHERE id = 2').pluck().get() as number;
    const form = (over: Record<string, string>) => ({ ...figureFormOpenedOn(db, 2, String(opened)), ...over });
    const first = await updateFigureAction(IDLE_STATE, formDataOf(form({ revision: String(opened), note: 'theirs', changeReason: 'the ministry corrected its count' }))).catch(redirectTarget);
    expect(first).toBe('/admin/figures/2?saved=updated');
    const second = await updateFigureAction(IDLE_STATE, formDataOf(form({ revision: String(opened + 1), note: 'theirs again' }))).catch(redirectTarget);
    expect(second).toBe('/admin/figures/2?saved=updated');

    const stale = await updateFigureAction(IDLE_STATE, formDataOf(form({ revision: String(opened), note: 'mine' })));
    expect(stale.message).toMatch(/someone else changed this figure/);
    expect(stale.changedBy).toEqual([
      { actor: EDITOR.email, at: expect.any(String), action: 'update', entityType: 'figure', reason: 'the ministry corrected its count' },
      { actor: EDITOR.email, at: expect.any(String), action: 'update', entityType: 'figure', reason: null },
    ]);
    // Opened at the revision after the first save: only the second is listed.
    const later = await updateFigureAction(IDLE_STATE, formDataOf(form({ revision: String(opened + 1), note: 'mine' })));
    expect(later.changedBy).toMatchObject([{ reason: null }]);
  });

  it('gives a retraction’s reason as the reason for it, and lists changes whatever the history holds of the revision opened', async () => {
    const opened = db.$client.prepare('SELECT revision FROM figures WHERE id = 3').pluck().get() as number;
    const retracted = await retractFigureAction(IDLE_STATE, formDataOf({ figureId: '3', revision: String(opened), reason: 'a duplicate of another report' })).catch(redirectTarget);
    expect(retracted).toMatch(/^\/admin\/figures\/3/);
    // The entry of the revision opened is gone (a database edited by hand): the later change is still listed.
    db.$client.prepare("DELETE FROM audit_entries WHERE entity_type = 'figure' AND entity_id = 3 AND json_extract(after, '$.revision') = ?").run(opened);
    const stale = await updateFigureAction(IDLE_STATE, formDataOf({ ...figureFormOpenedOn(db, 3, String(opened)), note: 'mine' }));
    expect(stale.changedBy).toEqual([{ actor: EDITOR.email, at: expect.any(String), action: 'retract', entityType: 'figure', reason: 'a duplicate of another report' }]);
  });
});
