import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FigureNotices } from '@/app/ui/figure-notices';
import type { AuditEntry } from '@/db/schema';
import type { Standing } from '@/lib/figure-page';
import { makeFigure } from '../helpers/figures';

const latest = makeFigure({ id: 32, valueBest: 230, reportedOn: '2022-03-14' });
const render = (standing: Standing, over: { latest?: typeof latest | null; history?: AuditEntry[]; figure?: Partial<typeof latest> } = {}) =>
  renderToStaticMarkup(
    createElement(FigureNotices, {
      page: {
        figure: makeFigure({ id: 27, valueBest: 164, status: standing === 'retracted' ? 'retracted' : 'published', retractionReason: standing === 'retracted' ? 'counted twice' : null, ...over.figure }),
        latest: over.latest === undefined ? latest : over.latest,
        history: over.history ?? [],
      },
      standing,
    }),
  );

/** An editor's change of figure 27 from `before` to `after`, on the 20th. */
const edit = (before: Record<string, unknown>, after: Record<string, unknown>, id = 2, reason: string | null = null) =>
  ({ id, at: `2026-11-${18 + id}T09:00:00.000Z`, userId: 1, actor: 'e@example.org', action: 'update', entityType: 'figure', entityId: 27, before, after, reason }) as AuditEntry;
const v1 = { id: 27, revision: 1, qualifier: 'exact', valueBest: 165, unit: 'people' };
const v2 = { ...v1, revision: 2, valueBest: 164 };

describe('what the top of a figure page says first', () => {
  it('is nothing for the latest report, never corrected', () => {
    expect(render('latest')).toBe('');
  });

  it('names the latest report of a superseded one, with a link to it', () => {
    const html = render('superseded');
    expect(html).toContain('<strong>Superseded.</strong> The latest report of this count gives <a href="/figures/32">230 people</a>');
    expect(html).toContain('14 March 2022');
  });

  it('gives a retraction its reason, and the latest report when the count has one', () => {
    expect(render('retracted')).toContain('This figure was retracted.</strong> The reason given: counted twice');
    expect(render('retracted')).toContain('The latest report of this count gives <a href="/figures/32">230 people</a>');
    expect(render('retracted', { latest: null })).not.toContain('The latest report');
  });

  it('says a correction made here, with the number it had', () => {
    const html = render('latest', { figure: { revision: 2 }, history: [edit(v1, v2)] });
    expect(html).toContain('Changed on this site after it was published</strong>, last on <time dateTime="2026-11-20T09:00:00.000Z">20 November 2026</time> (revision 2); its number was 165 people until 20 November 2026.');
    expect(html).not.toContain('e@example.org');
    expect(html).not.toContain('reason');
    // With the editor's reason, when they gave one.
    expect(render('latest', { figure: { revision: 2 }, history: [edit(v1, v2, 2, 'a typing error')] })).toContain(
      '20 November 2026</time> (revision 2; the reason given: “a typing error”); its number was 165 people until 20 November 2026.',
    );
    // A later change of the note only, with its own reason: the reason is that change's, said with it.
    const later = render('latest', { figure: { revision: 3, note: 'context' }, history: [edit(v2, { ...v2, revision: 3, note: 'context' }, 3, 'added context'), edit(v1, v2, 2, 'a typing error')] });
    expect(later).toContain('21 November 2026</time> (revision 3; the reason given: “added context”); its number was 165 people until 20 November 2026.');
    expect(later).not.toContain('a typing error');
    expect(later).not.toContain('since then');
  });

  it('says that a corrected figure was retracted, or published again, since, at which revision it is now', () => {
    const retracted = { ...v2, revision: 3, status: 'retracted', retractionReason: 'wrong' };
    const restored = { ...v2, revision: 4 };
    const html = render('latest', { figure: { revision: 4 }, history: [edit(retracted, restored, 4), edit(v2, retracted, 3), edit(v1, v2, 2)] });
    expect(html).toContain('(revision 2); its number was 165 people until 20 November 2026. Published again since then (it is now revision 4). ');
    // Its status says which came last.
    const still = render('retracted', { figure: { revision: 3, status: 'retracted', retractionReason: 'wrong' }, history: [edit(v2, retracted, 3), edit(v1, v2, 2)] });
    expect(still).toContain('its number was 165 people until 20 November 2026. Retracted since then (it is now revision 3). ');
  });

  it('says only that it changed when its latest change left no entry: not when, nor what it was', () => {
    // Recorded: 165 → 164 (revision 2); then, in the database itself, 240 at revision 3.
    const html = render('latest', { figure: { revision: 3, valueBest: 240 }, history: [edit(v1, v2)] });
    expect(html).toContain("by a change made outside the site&#x27;s editing forms and imports (it is now revision 3): when, and what it said before, are not recorded.");
    expect(html).not.toContain('its number was');
    expect(html).not.toContain('last on');
    // No entry at all: written to the database directly. Changed if past its first revision.
    expect(render('latest', { figure: { revision: 2 } })).toContain('it is now revision 2');
    expect(render('latest', { figure: { revision: 1 } })).toBe('');
  });
});
