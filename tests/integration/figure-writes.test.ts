import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/index';
import { listAuditForEntity } from '@/db/queries/audit-read';
import { createEvent, createSource, findEventById, findSourceById, updateEvent, updateSource } from '@/db/queries/catalog-admin';
import { figureFormOptions, findFigure } from '@/db/queries/figure-admin';
import { correctRetractionReason, createFigure, figureAtRevision, FigureWriteError, restoreFigure, restoreFigureVersion, retractFigure, updateFigure } from '@/db/queries/figure-writes';
import { listFiguresForAdmin } from '@/db/queries/figure-admin';
import { createSeededTestDb, dumpTables } from '../helpers/db';
import { deathTollForm } from '../helpers/figures';

const editor = { userId: null, label: 'editor@example.org' };
let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createSeededTestDb()));
afterEach(() => cleanup());

const toll = deathTollForm;

/** Makes every audit write fail from inside the transaction, as a full disk or a bug would. */
function breakAuditTrail(): void {
  db.$client.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit trail unavailable'); END");
}

describe("an editor's reason for a change", () => {
  it('is kept with the change in its audit entry, and is no reason when not given', () => {
    const figure = createFigure(db, toll(), editor);
    expect(updateFigure(db, figure.id, 1, toll({ valueBest: '239' }), editor, 'a typing error').status).toBe('saved');
    expect(updateFigure(db, figure.id, 2, toll({ valueBest: '239', note: 'checked' }), editor).status).toBe('saved');
    expect(listAuditForEntity(db, 'figure', figure.id).map((e) => [e.action, e.reason])).toEqual([['update', null], ['update', 'a typing error'], ['create', null]]);
  });
});

describe('a change and its audit entry are one transaction', () => {
  it('creating a figure (and its new source) writes both with their entries', () => {
    const figure = createFigure(db, toll(), editor);
    expect(figure).toMatchObject({ valueBest: 238, revision: 1, status: 'published' });
    const [entry] = listAuditForEntity(db, 'figure', figure.id);
    expect(entry).toMatchObject({ action: 'create', actor: 'editor@example.org', before: null, after: figure });
    expect(listAuditForEntity(db, 'source', figure.sourceId)).toHaveLength(1);
  });

  it('a failure inside leaves neither the figure, nor its new source, nor any entry', () => {
    const before = dumpTables(db);
    breakAuditTrail();
    expect(() => createFigure(db, toll(), editor)).toThrow('audit trail unavailable');
    db.$client.exec('DROP TRIGGER fail_audit');
    expect(dumpTables(db)).toEqual(before);
  });

  it('a failed update, retraction or restore leaves the figure as it was', () => {
    const figure = createFigure(db, toll(), editor);
    const before = dumpTables(db);
    breakAuditTrail();
    expect(() => updateFigure(db, figure.id, 1, toll({ valueBest: '240' }), editor)).toThrow('audit trail unavailable');
    expect(() => retractFigure(db, figure.id, 1, 'wrong', editor)).toThrow('audit trail unavailable');
    db.$client.exec('DROP TRIGGER fail_audit');
    expect(dumpTables(db)).toEqual(before);
  });

  it('sources and events are audited too', () => {
    const source = createSource(db, { reportingBody: 'Ministry', publisher: '', title: '', url: '', publishedOn: '2022-02-01', fullText: '' }, editor);
    updateSource(db, source.id, findSourceById(db, source.id)!.updatedAt, { reportingBody: 'Ministry of Health', publisher: '', title: '', url: '', publishedOn: '2022-02-01', fullText: '' }, editor);
    expect(listAuditForEntity(db, 'source', source.id).map((e) => e.action)).toEqual(['update', 'create']);
    const event = createEvent(db, { slug: 'flood-2023', name: 'Flood', country: 'X', startDate: '2023-01-01', endDate: undefined, description: '' }, editor);
    expect(() => createEvent(db, { slug: 'flood-2023', name: 'Again', country: 'X', startDate: '2023-01-01', endDate: undefined, description: '' }, editor)).toThrow('Another event already has this slug.');
    updateEvent(db, event.id, findEventById(db, event.id)!.updatedAt, { slug: 'flood-2023', name: 'Spring flood', country: 'X', startDate: '2023-01-01', endDate: '2023-01-05', description: '' }, editor);
    const [update] = listAuditForEntity(db, 'event', event.id);
    expect(update).toMatchObject({ action: 'update', before: { name: 'Flood', endDate: null }, after: { name: 'Spring flood', endDate: '2023-01-05' } });
  });

  it('a save that changes nothing is refused, for a figure, a source and an event: no revision, no entry', () => {
    const figure = createFigure(db, toll({ note: '' }), editor);
    const source = createSource(db, { reportingBody: 'Ministry', publisher: '', title: '', url: '', publishedOn: '2022-02-01', fullText: '' }, editor);
    const event = createEvent(db, { slug: 'flood-2023', name: 'Flood', country: 'X', startDate: '2023-01-01', endDate: undefined, description: '' }, editor);
    const before = dumpTables(db);
    const nothing = 'the form holds what is already saved; change a field first, or leave it as it is.';
    expect(() => updateFigure(db, figure.id, 1, toll({ note: '' }), editor, 'checked again')).toThrow(nothing);
    expect(() => updateSource(db, source.id, findSourceById(db, source.id)!.updatedAt, { reportingBody: 'Ministry', publisher: '', title: '', url: '', publishedOn: '2022-02-01', fullText: '' }, editor)).toThrow(nothing);
    expect(() => updateEvent(db, event.id, findEventById(db, event.id)!.updatedAt, { slug: 'flood-2023', name: 'Flood', country: 'X', startDate: '2023-01-01', endDate: undefined, description: '' }, editor)).toThrow(nothing);
    expect(dumpTables(db)).toEqual(before);
    // One field changed is a change.
    expect(updateFigure(db, figure.id, 1, toll({ note: 'checked' }), editor).status).toBe('saved');
    expect(updateEvent(db, event.id, findEventById(db, event.id)!.updatedAt, { slug: 'flood-2023', name: 'Flood', country: 'X', startDate: '2023-01-01', endDate: '2023-01-02', description: '' }, editor).status).toBe('saved');
  });

  it('a source that figures cite cannot be removed', () => {
    const figure = createFigure(db, toll(), editor);
    expect(() => db.$client.prepare('DELETE FROM sources WHERE id = ?').run(figure.sourceId)).toThrow(/FOREIGN KEY constraint failed/);
  });
});

describe('concurrent edits', () => {
  it('saving from the current revision bumps it; from an older one is refused and changes nothing', () => {
    const figure = createFigure(db, toll(), editor);
    const first = updateFigure(db, figure.id, 1, toll({ valueBest: '239' }), editor);
    expect(first).toMatchObject({ status: 'saved', figure: { valueBest: 239, revision: 2 } });
    const before = dumpTables(db);
    const second = updateFigure(db, figure.id, 1, toll({ note: 'other editor' }), { userId: null, label: 'other@example.org' });
    expect(second).toMatchObject({ status: 'stale', current: { valueBest: 239, note: '', revision: 2 } });
    expect(dumpTables(db)).toEqual(before);
    // What the refused editor is shown: the figure at their revision, to compare with now.
    expect(figureAtRevision(db, figure.id, 1)).toMatchObject({ valueBest: 238, revision: 1 });
  });

  it('a stale retraction is refused too', () => {
    const figure = createFigure(db, toll(), editor);
    updateFigure(db, figure.id, 1, toll({ valueBest: '239' }), editor);
    expect(retractFigure(db, figure.id, 1, 'old view', editor)).toMatchObject({ status: 'stale' });
    expect(findFigure(db, figure.id)).toMatchObject({ status: 'published', revision: 2 });
  });

  it("refuses a figure counted in another unit than its metric's, marking the unit, and writes nothing", () => {
    const damage = db.$client.prepare("SELECT id FROM metrics WHERE key = 'economic_damage'").pluck().get() as number;
    const before = dumpTables(db);
    const message = 'Economic damage is counted in KZT, not “people”: give the figure in KZT (say in the note if you converted it), or choose another metric.';
    expect(() => createFigure(db, toll({ metricId: String(damage) }), editor)).toThrow(expect.objectContaining({ message, field: 'unit' }));
    expect(dumpTables(db)).toEqual(before);
    // An edit is held to it too: a figure moved to another metric must take that metric's unit.
    const figure = createFigure(db, toll(), editor);
    const edited = dumpTables(db);
    expect(() => updateFigure(db, figure.id, 1, toll({ metricId: String(damage) }), editor)).toThrow(expect.objectContaining({ message, field: 'unit' }));
    expect(() => updateFigure(db, figure.id, 1, toll({ unit: 'persons' }), editor)).toThrow(expect.objectContaining({ field: 'unit' }));
    expect(dumpTables(db)).toEqual(edited);
    expect(updateFigure(db, figure.id, 1, toll({ metricId: String(damage), unit: ' KZT  ', valueBest: '92000000000' }), editor)).toMatchObject({ status: 'saved', figure: { unit: 'KZT' } });
  });

  it('refuses an event that is not there as the form’s own error, and writes nothing', () => {
    const before = dumpTables(db);
    expect(() => createFigure(db, toll({ eventId: '999999' }), editor)).toThrow(new FigureWriteError('That event no longer exists; choose another.', 'eventId'));
    expect(dumpTables(db)).toEqual(before);
  });

  it('refuses a second figure with the same identity, naming the first', () => {
    const figure = createFigure(db, toll(), editor);
    expect(() => createFigure(db, toll(), editor)).toThrow(new FigureWriteError(`This source already reported this metric for the same group, place and date (figure #${figure.id}); edit that figure instead.`));
  });
});

describe('retract and restore', () => {
  it('retracts with a reason and restores, each audited, never deleting', () => {
    const figure = createFigure(db, toll(), editor);
    expect(retractFigure(db, figure.id, 1, 'Double-counted', editor)).toMatchObject({ status: 'saved', figure: { status: 'retracted', retractionReason: 'Double-counted', revision: 2 } });
    expect(() => retractFigure(db, figure.id, 2, 'again', editor)).toThrow('This figure is already retracted.');
    expect(restoreFigure(db, figure.id, 2, editor)).toMatchObject({ status: 'saved', figure: { status: 'published', retractionReason: null, revision: 3 } });
    expect(listAuditForEntity(db, 'figure', figure.id).map((e) => e.action)).toEqual(['restore', 'retract', 'create']);
  });

  it('corrects a retracted figure’s reason as a new revision, the old reason kept in its audit entry, and nothing else', () => {
    const figure = createFigure(db, toll(), editor);
    retractFigure(db, figure.id, 1, 'Doubel-counted', editor);
    expect(correctRetractionReason(db, figure.id, 2, 'Double-counted', editor)).toMatchObject({ status: 'saved', figure: { status: 'retracted', retractionReason: 'Double-counted', revision: 3, valueBest: 238 } });
    const [entry] = listAuditForEntity(db, 'figure', figure.id);
    expect(entry).toMatchObject({ action: 'update', before: { retractionReason: 'Doubel-counted', revision: 2 }, after: { retractionReason: 'Double-counted', revision: 3 } });
    // From an older revision: refused, never overwritten.
    expect(correctRetractionReason(db, figure.id, 2, 'Counted twice', editor)).toMatchObject({ status: 'stale', current: { retractionReason: 'Double-counted', revision: 3 } });
  });

  it('refuses to correct the reason of a published figure, or to save the same reason, and writes nothing', () => {
    const figure = createFigure(db, toll(), editor);
    const before = dumpTables(db);
    expect(() => correctRetractionReason(db, figure.id, 1, 'Double-counted', editor)).toThrow('This figure is not retracted, so it has no reason to correct.');
    expect(dumpTables(db)).toEqual(before);
    retractFigure(db, figure.id, 1, 'Double-counted', editor);
    const retracted = dumpTables(db);
    expect(() => correctRetractionReason(db, figure.id, 2, 'Double-counted', editor)).toThrow(new FigureWriteError('This is the reason it already gives; change it, or leave it as it is.', 'reason'));
    expect(dumpTables(db)).toEqual(retracted);
  });

  it("keeps the editor's reason for a restore, of either kind, with its audit entry", () => {
    const figure = createFigure(db, toll(), editor);
    retractFigure(db, figure.id, 1, 'Double-counted', editor);
    restoreFigure(db, figure.id, 2, editor, 'not double-counted after all');
    updateFigure(db, figure.id, 3, toll({ valueBest: '239' }), editor);
    const created = listAuditForEntity(db, 'figure', figure.id).at(-1)!;
    restoreFigureVersion(db, figure.id, 4, created.id, editor, 'the source says 238');
    restoreFigureVersion(db, figure.id, 5, created.id, editor);
    expect(listAuditForEntity(db, 'figure', figure.id).map((e) => [e.action, e.reason])).toEqual([
      ['restore', null], ['restore', 'the source says 238'], ['update', null], ['restore', 'not double-counted after all'], ['retract', null], ['create', null],
    ]);
  });

  it('restores an earlier version as a new revision, itself audited', () => {
    const figure = createFigure(db, toll(), editor);
    updateFigure(db, figure.id, 1, toll({ valueBest: '239', note: 'typo' }), editor);
    const created = listAuditForEntity(db, 'figure', figure.id).at(-1)!;
    const result = restoreFigureVersion(db, figure.id, 2, created.id, editor);
    expect(result).toMatchObject({ status: 'saved', figure: { valueBest: 238, note: '', revision: 3 } });
    const [entry] = listAuditForEntity(db, 'figure', figure.id);
    expect(entry).toMatchObject({ action: 'restore', before: { valueBest: 239, revision: 2 }, after: { valueBest: 238, revision: 3 } });
    expect(() => restoreFigureVersion(db, figure.id, 3, 999_999, editor)).toThrow('That version is not in this figure’s history.');
  });

  it("refuses to bring back a version whose unit is not its metric's (saved before the rule), and writes nothing", () => {
    const figure = createFigure(db, toll(), editor);
    // A version in another unit, as one saved before a figure had to be in its metric's unit.
    db.$client.prepare("UPDATE audit_entries SET after = json_set(after, '$.unit', 'persons') WHERE entity_type = 'figure' AND entity_id = ?").run(figure.id);
    updateFigure(db, figure.id, 1, toll({ valueBest: '239' }), editor);
    const created = listAuditForEntity(db, 'figure', figure.id).at(-1)!;
    const before = dumpTables(db);
    expect(() => restoreFigureVersion(db, figure.id, 2, created.id, editor)).toThrow(
      'That version cannot be brought back as it was: Deaths is counted in people, not “persons”: give the figure in people (say in the note if you converted it), or choose another metric. Edit the figure instead.',
    );
    expect(dumpTables(db)).toEqual(before);
  });
});

describe('the admin figure list', () => {
  it('filters by event, metric, status and text over the source and the note, and pages', () => {
    const all = listFiguresForAdmin(db, { page: 1, pageSize: 10 });
    expect(all.total).toBe(35);
    expect(all.rows).toHaveLength(10);
    expect(all.rows[0]!.reportedOn >= all.rows[9]!.reportedOn).toBe(true);
    expect(listFiguresForAdmin(db, { page: 4, pageSize: 10 }).rows).toHaveLength(5);
    expect(listFiguresForAdmin(db, { metricId: 1, page: 1, pageSize: 50 }).rows.every((r) => r.metricLabel === 'Deaths')).toBe(true);
    const interfax = listFiguresForAdmin(db, { q: 'interfax', page: 1, pageSize: 50 });
    expect(interfax.total).toBeGreaterThan(0);
    const figure = createFigure(db, toll({ note: '100% confirmed' }), editor);
    expect(listFiguresForAdmin(db, { q: '100%', page: 1, pageSize: 50 }).rows.map((r) => r.id)).toEqual([figure.id]);
    expect(listFiguresForAdmin(db, { q: '1_0', page: 1, pageSize: 50 }).total).toBe(0);
    retractFigure(db, figure.id, 1, 'test', editor);
    expect(listFiguresForAdmin(db, { status: 'retracted', page: 1, pageSize: 50 }).rows.map((r) => r.id)).toEqual([figure.id]);
    expect(listFiguresForAdmin(db, { eventId: 999, page: 1, pageSize: 50 }).total).toBe(0);
  });

  it('finds text in any letter case in any script, not only in Latin letters', () => {
    const figure = createFigure(db, toll({ note: 'Данные Тест-центра, 100%' }), editor);
    for (const q of ['Тест', 'тест', 'ТЕСТ-ЦЕНТРА', 'данные тест']) expect(listFiguresForAdmin(db, { q, page: 1, pageSize: 50 }).rows.map((r) => r.id), q).toEqual([figure.id]);
    // A search with other letters is still a search for the characters: % is not a wildcard.
    expect(listFiguresForAdmin(db, { q: 'тест%', page: 1, pageSize: 50 }).total).toBe(0);
    expect(listFiguresForAdmin(db, { q: 'центра, 100%', page: 1, pageSize: 50 }).total).toBe(1);
  });
});

describe("the figure form's source picker", () => {
  it('names a source without a title by its publisher and web address, so that two of one day are told apart', () => {
    const labels = figureFormOptions(db).sources.map((s) => s.label);
    expect(labels).toContain('2022-01-06 · Atameken National Chamber of Entrepreneurs · TASS, tass.com/world/1384597');
    expect(labels).toContain('2022-01-15 · Prosecutor General\'s Office (Serik Shalabayev) · Kazakhstan raises death toll to 225 in days of protests');
    // The address to parliament has a title and no web address.
    expect(labels).toContain('2022-01-11 · President Kassym-Jomart Tokayev (address to parliament) · Kazakh President Kasyym-Jomart Tokayev addressed a session of the Kazakh parliament');
    expect(new Set(labels).size).toBe(labels.length);
  });
});
