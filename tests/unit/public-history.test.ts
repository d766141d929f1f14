import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PublicHistory } from '@/app/ui/public-history';
import type { AuditEntry } from '@/db/schema';
import { changedOutsideLatest, correctionsOf, publicActor, publicEntryTitle, unrecordedChanges } from '@/lib/public-history';
import { makeFigure } from '../helpers/figures';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 1, at: '2026-11-26T10:03:12.000Z', userId: 3, actor: 'editor@example.org', action: 'update', entityType: 'figure', entityId: 7, before: null, after: null, reason: null, confirmedWarning: null, ...over,
});

describe("who changed a figure, as the public page says it", () => {
  it('never names an editor or an uploaded file, only the kind of change', () => {
    expect(publicActor('editor@example.org')).toBe('by an editor');
    expect(publicActor('import: secret-list.csv by editor@example.org')).toBe('by an import of a file');
    expect(publicActor('import: bench')).toBe('by an import of a file');
    expect(publicActor('seed')).toBe("with the site's dataset");
    expect(publicActor('seed: kazakhstan-2022-reports.csv')).toBe("with the site's dataset");
    // Anything else is an editor's doing, however it is written.
    expect(publicActor('seedling@example.org')).toBe('by an editor');
  });

  it('words each action', () => {
    expect(publicEntryTitle(entry({ action: 'create', actor: 'seed' }))).toBe("Entered with the site's dataset");
    expect(publicEntryTitle(entry({ action: 'update' }))).toBe('Changed by an editor');
    expect(publicEntryTitle(entry({ action: 'retract' }))).toBe('Retracted by an editor');
    expect(publicEntryTitle(entry({ action: 'restore' }))).toBe('Restored by an editor');
  });
});

describe('the public history', () => {
  const figure = makeFigure({ id: 7, valueBest: 239, revision: 2, updatedAt: '2026-11-26T10:03:12.000Z' });
  const created = { ...figure, valueBest: 238, revision: 1 };
  const names = { eventId: new Map(), metricId: new Map(), sourceId: new Map() };
  const render = (history: AuditEntry[], fig = figure) => renderToStaticMarkup(createElement(PublicHistory, { page: { figure: fig, history, names } }));

  it('shows what each change changed, before and after, and not who made it', () => {
    const html = render([
      entry({ id: 2, action: 'update', before: created, after: figure }),
      entry({ id: 1, action: 'create', actor: 'import: private.csv by editor@example.org', at: '2026-11-25T09:00:00.000Z', after: created }),
    ]);
    expect(html).toContain('Changed by an editor, <time dateTime="2026-11-26T10:03:12.000Z">26 November 2026, 10:03 UTC</time>');
    expect(html).toMatch(/<th scope="row">Number \(best\)<\/th><td><del>238<\/del><\/td><td><ins>239<\/ins><\/td>/);
    expect(html).toContain('Entered by an import of a file');
    expect(html).toContain('Entered as 238 people.');
    expect(html).not.toContain('example.org');
    expect(html).not.toContain('private.csv');
    expect(html).not.toContain('outside the site');
  });

  it('says where a change left no entry, rather than implying the history is whole', () => {
    // The figure is at revision 2 (239), but the only entry left it at revision 1 (238).
    const html = render([entry({ id: 1, action: 'create', after: created })]);
    expect(html).toContain("Its latest change was made outside the site&#x27;s editing forms and imports, so what it changed is not recorded here.");
    // A figure loaded in bulk, with no entry at all.
    expect(render([], { ...figure, revision: 1 })).toContain('No change to this figure is recorded here: it was written to the database directly');
    // Nothing missing: no such note.
    expect(render([entry({ id: 2, before: created, after: figure }), entry({ id: 1, action: 'create', after: created })])).not.toContain('outside the site');
  });
});

describe('changes the audit trail did not record', () => {
  const v1 = { id: 7, revision: 1, valueBest: 238, note: '' };
  const v2 = { ...v1, revision: 2, valueBest: 239 };
  const v3 = { ...v2, revision: 3, valueBest: 240 };
  const create = { id: 1, before: null, after: v1 };

  it('finds none when each entry starts where the last left off and the figure is as the newest left it', () => {
    expect(unrecordedChanges(v2, [{ id: 2, before: v1, after: v2 }, create])).toEqual({ sinceLatest: false, between: new Set() });
    // Fields the snapshot does not hold (the page's joined metric and source) are not compared.
    expect(unrecordedChanges({ ...v2, metric: { key: 'deaths' } }, [{ id: 2, before: v1, after: v2 }, create]).sinceLatest).toBe(false);
  });

  it('finds a change since the newest entry: by its values, even with the revision untouched, or by its revision', () => {
    expect(unrecordedChanges({ ...v2, valueBest: 1 }, [{ id: 2, before: v1, after: v2 }, create]).sinceLatest).toBe(true);
    expect(unrecordedChanges({ ...v2, revision: 3 }, [{ id: 2, before: v1, after: v2 }, create]).sinceLatest).toBe(true);
    expect(unrecordedChanges(v1, []).sinceLatest).toBe(true);
  });

  it('says a figure was changed outside the forms when its latest change left no entry, not when it was only entered so', () => {
    expect(changedOutsideLatest({ ...v2, valueBest: 1 }, [{ id: 2, before: v1, after: v2 }, create])).toBe(true);
    expect(changedOutsideLatest(v2, [{ id: 2, before: v1, after: v2 }, create])).toBe(false);
    // No entry at all: written to the database directly; changed only if past its first revision.
    expect(changedOutsideLatest(v1, [])).toBe(false);
    expect(changedOutsideLatest(v2, [])).toBe(true);
  });

  it('finds a change between two entries: the newer did not start from what the older left', () => {
    // Revision 2 was written in the shell; the editor's change then went from 2 to 3.
    const { sinceLatest, between } = unrecordedChanges(v3, [{ id: 2, before: v2, after: v3 }, create]);
    expect(sinceLatest).toBe(false);
    // Named by the entry the gap came just before: the newer one.
    expect(between).toEqual(new Set([2]));
  });

  it('is said between the two entries, under the newer one as the list runs newest first', () => {
    const history = [entry({ id: 2, before: v2, after: v3 }), entry({ id: 1, action: 'create', after: v1 })];
    const html = renderToStaticMarkup(createElement(PublicHistory, { page: { figure: makeFigure({ ...v3 }), history, names: { eventId: new Map(), metricId: new Map(), sourceId: new Map() } } }));
    const changed = html.indexOf('Changed by an editor');
    const note = html.indexOf('Before the change above, another was made outside');
    const entered = html.indexOf('Entered by an editor');
    expect([changed < note, note < entered]).toEqual([true, true]);
  });
});

describe('corrections, as the top of the page says them', () => {
  const v1 = { id: 7, revision: 1, qualifier: 'exact', valueBest: 164, unit: 'people', note: '', status: 'published', retractionReason: null };
  const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;
  const step = (day: number, before: object | null, after: object, reason: string | null = null) => ({ at: at(day), before, after, reason });

  it('are none for a figure only entered, retracted or restored', () => {
    const retracted = { ...v1, revision: 2, status: 'retracted', retractionReason: 'double' };
    const restored = { ...v1, revision: 3 };
    expect(correctionsOf([step(3, retracted, restored), step(2, v1, retracted), step(1, null, v1)])).toEqual({ latest: null, number: null });
  });

  it('keep the number it was before its number last changed, through a later retraction or note edit', () => {
    const v2 = { ...v1, revision: 2, valueBest: 165 };
    const v3 = { ...v2, revision: 3, status: 'retracted', retractionReason: 'double' };
    const v4 = { ...v3, revision: 4, note: 'checked' };
    expect(correctionsOf([step(4, v3, v4, 'the note was missing'), step(3, v2, v3), step(2, v1, v2, 'a typing error'), step(1, null, v1)])).toEqual({
      latest: { at: at(4), revision: 4, reason: 'the note was missing' },
      number: { was: { qualifier: 'exact', valueLow: null, valueBest: 164, valueHigh: null, unit: 'people' }, at: at(2) },
    });
    // Only the note changed: a correction, with no number that was.
    expect(correctionsOf([step(2, v1, { ...v1, revision: 2, note: 'x' }), step(1, null, v1)])).toEqual({ latest: { at: at(2), revision: 2, reason: null }, number: null });
  });
});
