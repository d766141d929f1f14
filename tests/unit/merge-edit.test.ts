import { describe, expect, it } from 'vitest';
import type { Figure } from '@/db/schema';
import { mergeEdit } from '@/lib/merge-edit';
import { figureFormSchema } from '@/lib/validation/figure-form';

/** The figure as the form was opened on it (revision 1). */
const base: Figure = {
  id: 7, eventId: 1, metricId: 1, group: 'all', location: 'Kazakhstan', qualifier: 'exact', valueLow: null, valueBest: 100, valueHigh: null,
  unit: 'people', reportedOn: '2022-01-10', sourceId: 4, quote: null, note: '', status: 'published', retractionReason: null, revision: 1,
  createdAt: '2022-01-10T00:00:00.000Z', updatedAt: '2022-01-10T00:00:00.000Z',
};

/** What the form sent: the base, as text, with this editor's changes. */
const typed = (over: Record<string, string> = {}) => ({
  figureId: '7', revision: '1', eventId: '1', metricId: '1', group: 'all', location: 'Kazakhstan', qualifier: 'exact', valueLow: '', valueBest: '100',
  valueHigh: '', unit: 'people', reportedOn: '2022-01-10', sourceChoice: 'existing', sourceId: '4', newSourceReportingBody: '', newSourcePublisher: '',
  newSourceTitle: '', newSourceUrl: '', newSourcePublishedOn: '', quote: '', note: '', changeReason: '', ...over,
});

const merge = (current: Partial<Figure>, over: Record<string, string>) => {
  const values = typed(over);
  return mergeEdit(base, { ...base, revision: 2, ...current }, figureFormSchema.parse(values), values);
};

describe('merging an edit refused because the figure moved on', () => {
  it('keeps what the other editor saved in every field this editor did not touch, and this editor’s own changes', () => {
    const { values, both } = merge({ valueBest: 101, quote: 'their quote' }, { note: 'B thinks otherwise', valueBest: '100' });
    expect(both).toEqual([]);
    expect(values).toMatchObject({ valueBest: '101', quote: 'their quote', note: 'B thinks otherwise', revision: '2' });
  });

  it('keeps a number as this editor typed it when only they changed it', () => {
    const { values, both } = merge({ note: 'theirs' }, { valueBest: '1,300' });
    expect(both).toEqual([]);
    expect(values).toMatchObject({ valueBest: '1,300', note: 'theirs' });
  });

  it('marks a field both changed to different values, keeping this editor’s value and naming theirs', () => {
    const { values, both } = merge({ note: 'theirs', valueBest: 120 }, { note: 'mine', valueBest: '120' });
    expect(both).toEqual([{ field: 'note', theirs: 'theirs' }]);
    expect(values.note).toBe('mine');
    expect(values.valueBest).toBe('120');
  });

  it('reads no value and empty text as the same (an untouched quote is not a change)', () => {
    expect(merge({ quote: '' }, {}).both).toEqual([]);
    expect(merge({ valueLow: null }, { valueLow: '' }).both).toEqual([]);
  });

  it('takes the other editor’s source when this editor left it, and counts a new source as this editor’s change', () => {
    expect(merge({ sourceId: 9 }, { sourceChoice: 'new', newSourceReportingBody: 'Ministry', newSourcePublishedOn: '2022-01-10' })).toMatchObject({
      both: [{ field: 'sourceId', theirs: 9 }],
      values: { sourceChoice: 'new', newSourceReportingBody: 'Ministry' },
    });
    expect(merge({ sourceId: 9 }, { note: 'x' }).values).toMatchObject({ sourceId: '9', sourceChoice: 'existing', note: 'x' });
    expect(merge({ note: 'theirs' }, { sourceChoice: 'new', newSourceReportingBody: 'Ministry', newSourcePublishedOn: '2022-01-10' }).values).toMatchObject({
      sourceChoice: 'new', note: 'theirs',
    });
  });

  it('takes a retraction’s absence of fields as no change: status and reason are not the form’s', () => {
    const { values, both } = merge({ status: 'retracted', retractionReason: 'withdrawn' }, { note: 'mine' });
    expect(both).toEqual([]);
    expect(values).not.toHaveProperty('status');
    expect(values.note).toBe('mine');
  });
});
