import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { count, isoDate, latestToday, optionalUrl, pastDate, requiredText, slug } from '@/lib/validation/fields';
import { checkableValueIssues, figureValueIssues, RANGE_QUALIFIER_MESSAGE, unitMismatch } from '@/lib/validation/figure';
import { eventSchema } from '@/lib/validation/event';
import { importRowSchema } from '@/lib/validation/import-row';
import { figureUnitErrors } from '@/lib/validation/figure-form';

const messages = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};
const value = (schema: z.ZodType, input: unknown) => schema.parse(input);

describe('count: whole numbers ≥ 0 up to the largest safe integer', () => {
  it.each([['0', 0], ['16', 16], ['1300', 1300], ['1,300', 1300], ['1 300', 1300], ['4\u00a0353', 4353], ['1\u202f000\u202f000', 1000000], ['12,345,678', 12345678], [' 42 ', 42], ['9007199254740991', 9007199254740991], [7, 7]])(
    'reads %j as %d',
    (input, expected) => expect(value(count, input)).toBe(expected),
  );
  it('reads empty as no number', () => {
    expect(value(count, '')).toBeNull();
    expect(value(count, undefined)).toBeNull();
  });
  it.each(['-1', '12abc', '1e3', '1.5', '0x10', '+5', '1,30', '1 30', '1,300 000', '1  300', '1.300', '١٢'])('refuses %j, quoting it as a date’s message quotes the date', (input) => {
    expect(messages(count, input)).toEqual([`"${input}" is not a whole number of 0 or more; enter one like 1300.`]);
  });
  it.each([[-3, '-3'], [1.5, '1.5'], [-0, '-0'], [Number.NaN, 'NaN'], [Infinity, 'Infinity']])('refuses the number %d from a script, quoted as %s', (input, shown) => {
    expect(messages(count, input)).toEqual([`"${shown}" is not a whole number of 0 or more; enter one like 1300.`]);
  });
  it('quotes the cell trimmed, shortened and with its control characters shown as �', () => {
    expect(messages(count, '  12 abc  ')).toEqual(['"12 abc" is not a whole number of 0 or more; enter one like 1300.']);
    expect(messages(count, `1\u0000\u001b[31m${'2'.repeat(60)}`)).toEqual([`"1\ufffd\ufffd[31m${'2'.repeat(33)}…" is not a whole number of 0 or more; enter one like 1300.`]);
  });
  it('says only what is wanted when what was given is not text or a number', () => {
    expect(messages(count, true)).toEqual(['Enter a whole number of 0 or more, like 1300.']);
    expect(messages(count, { toString: () => '5' })).toEqual(['Enter a whole number of 0 or more, like 1300.']);
  });
  it('refuses numbers past the largest safe integer, which would silently lose digits', () => {
    expect(messages(count, '9007199254740993')).toEqual(['"9007199254740993" is too large; enter a number no larger than 9,007,199,254,740,991.']);
  });
});

describe('dates', () => {
  it('accepts a real past date', () => expect(value(pastDate, '2022-01-11')).toBe('2022-01-11'));
  it.each(['2022-02-30', '2022-13-01', '11/01/2022', '2022-1-1'])('refuses %s as not a date', (d) => {
    expect(messages(pastDate, d)).toEqual([`"${d}" is not a date; use YYYY-MM-DD, like 2022-01-11.`]);
  });
  it.each(['0001-01-01', '0099-12-31', '1600-02-29', '2024-02-29'])('reads %s as the real date it is, in any year (a filter may name one)', (d) => {
    expect(messages(isoDate, d)).toEqual([]);
  });
  it.each(['0022-01-11', '1899-12-31'])('refuses %s as the date of a report: before 1900, a typing error', (d) => {
    expect(messages(pastDate, d)).toEqual([`${d} is before 1900; check the year.`]);
    expect(messages(pastDate, '1900-01-01')).toEqual([]);
  });
  it.each(['0099-02-29', '1900-02-29', '2023-02-29'])('refuses %s, a 29 February of a year without one', (d) => {
    expect(messages(isoDate, d)).toEqual([`"${d}" is not a date; use YYYY-MM-DD, like 2022-01-11.`]);
  });
  it('refuses an empty date', () => expect(messages(pastDate, '')).toEqual(['Enter a date as YYYY-MM-DD.']));
  it('refuses a future date', () => {
    expect(messages(pastDate, '2999-01-01')).toEqual(['2999-01-01 is in the future; enter the date it was reported.']);
  });
  it('accepts today wherever the editor is', () => {
    expect(messages(pastDate, new Date().toISOString().slice(0, 10))).toEqual([]);
    expect(latestToday(new Date('2026-01-01T11:00:00Z'))).toBe('2026-01-02');
  });
});

describe('URLs: http and https only', () => {
  it('accepts http and https and empty', () => {
    expect(value(optionalUrl, 'https://tass.com/world/1385767')).toBe('https://tass.com/world/1385767');
    expect(value(optionalUrl, 'http://example.org')).toBe('http://example.org');
    expect(value(optionalUrl, '')).toBe('');
  });
  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>', 'ftp://example.org', 'example.org', '//evil.example'])(
    'refuses %s',
    (u) => expect(messages(optionalUrl, u)).toEqual(['Enter a web address starting with http:// or https://.']),
  );
});

describe('text', () => {
  it('trims and requires', () => {
    expect(value(requiredText(10, 'a name'), '  x ')).toBe('x');
    expect(messages(requiredText(10, 'a name'), '   ')).toEqual(['Enter a name.']);
  });
  it('bounds the length', () => expect(messages(requiredText(3), 'abcd')).toEqual(['Use at most 3 characters (this has 4).']));
  it('refuses control characters and line breaks in single-line text', () => {
    expect(messages(requiredText(), 'a\u0000b')).toEqual(['Remove the control characters and line breaks.']);
    expect(messages(requiredText(), 'a\nb')).toEqual(['Remove the control characters and line breaks.']);
  });
  it('keeps markup as text (escaping is the page’s job)', () => expect(value(requiredText(), '<script>x</script>')).toBe('<script>x</script>'));
  it.each(['\ud83d', 'x\ude00', '\ude00\ud83d'])('refuses %j, half of a surrogate pair, which SQLite would store as U+FFFD', (s) => {
    expect(messages(requiredText(), s)).toEqual(['Remove the broken character (half of an emoji or symbol); the text is not valid Unicode.']);
  });
  it('keeps whole emoji', () => expect(value(requiredText(), '\ud83d\ude00 👩‍👩‍👧')).toBe('😀 👩‍👩‍👧'));
});

describe('slug', () => {
  it('accepts lower-case words joined by hyphens', () => expect(value(slug, 'kazakhstan-2022-unrest')).toBe('kazakhstan-2022-unrest'));
  it.each(['Kazakhstan', 'a b', 'a--b', '-a', 'a_b', 'қазақстан', ''])('refuses %j', (s) => {
    expect(messages(slug, s)).toEqual(['Use 1–100 lower-case letters, digits and single hyphens, like kazakhstan-2022-unrest.']);
  });
});

describe('figure value rules', () => {
  const v = (qualifier: string, valueLow: number | null, valueBest: number | null, valueHigh: number | null) =>
    figureValueIssues({ qualifier, valueLow, valueBest, valueHigh });
  it('accepts a single number and a range', () => {
    expect(v('exact', null, 16, null)).toEqual([]);
    expect(v('exact', 225, 230, 238)).toEqual([]);
    expect(v('about', 225, null, 238)).toEqual([]);
  });
  it('refuses a number when the qualifier is unknown', () => {
    expect(v('unknown', null, 5, null)).toEqual([{ field: 'valueBest', message: 'Leave the number empty when the qualifier is "unknown", or choose another qualifier.' }]);
  });
  it('requires a number otherwise', () => {
    expect(v('exact', null, null, null)).toEqual([{ field: 'valueBest', message: 'Enter the number, or a low and a high for a range, or choose the qualifier "unknown".' }]);
  });
  it('requires both ends of a range', () => {
    expect(v('exact', 5, 6, null)).toEqual([{ field: 'valueHigh', message: 'Give both low and high for a range, or neither.' }]);
  });
  it.each(['more_than', 'at_least', 'at_most'])('refuses a range with the bound %s, marking the qualifier', (q) => {
    expect(v(q, 225, null, 238)).toEqual([{ field: 'qualifier', message: RANGE_QUALIFIER_MESSAGE }]);
    expect(v(q, 225, 230, 238)).toEqual([{ field: 'qualifier', message: RANGE_QUALIFIER_MESSAGE }]);
    expect(v(q, null, 230, null)).toEqual([]);
  });
  it('reports a range out of order and its bound qualifier together', () => {
    expect(v('more_than', 300, null, 200).map((i) => i.field)).toEqual(['valueLow', 'qualifier']);
  });
  it('checks low against high when another number is not one, and nothing it cannot read', () => {
    const sent = (q: unknown, low: unknown, best: unknown, high: unknown) => checkableValueIssues({ qualifier: q, valueLow: low, valueBest: best, valueHigh: high });
    expect(sent('exact', '300', 'abc', '200')).toEqual([{ field: 'valueLow', message: 'Low must not be greater than high.' }]);
    expect(sent('roughly', '300', '', '200')).toEqual([{ field: 'valueLow', message: 'Low must not be greater than high.' }]);
    expect(sent('exact', '200', 'abc', '300')).toEqual([]);
    expect(sent('exact', 'x', 'abc', '200')).toEqual([]);
    expect(sent('exact', '300', 'abc', '')).toEqual([]);
    // Low and high with "unknown" get the rule for "unknown", once the number is valid.
    expect(sent('unknown', '300', 'abc', '200')).toEqual([]);
    // All valid: every rule, as figureValueIssues.
    expect(sent('more_than', '300', '', '200')).toEqual(v('more_than', 300, null, 200));
  });
  it('requires low ≤ best ≤ high', () => {
    expect(v('exact', 300, null, 200)).toEqual([{ field: 'valueLow', message: 'Low must not be greater than high.' }]);
    expect(v('exact', 10, 5, 20)).toEqual([{ field: 'valueLow', message: 'Low must not be greater than best.' }]);
    expect(v('exact', 10, 25, 20)).toEqual([{ field: 'valueHigh', message: 'High must not be less than best.' }]);
  });
});

describe('event', () => {
  it('refuses an end before the start', () => {
    const r = eventSchema.safeParse({ slug: 'x', name: 'X', country: 'Y', startDate: '2022-01-10', endDate: '2022-01-01' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['endDate'], message: 'The end date must not be before the start date.' });
  });
});

describe('import row', () => {
  const row = {
    event_slug: 'e', metric: 'deaths', group: 'all', location: 'X', qualifier: 'exact', value_low: '', value_best: '5',
    value_high: '', unit: 'people', reported_on: '2022-01-01', reporting_body: 'Ministry',
  };
  it('accepts a minimal row', () => expect(importRowSchema.safeParse(row).success).toBe(true));
  it('reports the value rules under the file’s column names', () => {
    const r = importRowSchema.safeParse({ ...row, value_low: '9', value_high: '3' });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['value_low', 'Low must not be greater than high.']]);
  });
  it('reports a range given high to low beside a number cell that is not one, and beside a bad status', () => {
    const bad = importRowSchema.safeParse({ ...row, value_low: '9', value_best: 'x', value_high: '3' });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['value_best', 'value_low']);
    const status = importRowSchema.safeParse({ ...row, value_low: '9', value_high: '3', status: 'gone' });
    expect(status.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['status', 'Use published or retracted.'],
      ['value_low', 'Low must not be greater than high.'],
    ]);
  });
  it('refuses a row that is not an object without throwing', () => {
    expect(importRowSchema.safeParse(null).success).toBe(false);
  });
  it('requires a reason for a retracted figure', () => {
    const r = importRowSchema.safeParse({ ...row, status: 'retracted' });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['retraction_reason', 'Give the reason a retracted figure was retracted.']]);
  });
  it('marks the qualifier column of a range given as a bound', () => {
    const r = importRowSchema.safeParse({ ...row, qualifier: 'at_least', value_low: '225', value_best: '', value_high: '238' });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['qualifier', RANGE_QUALIFIER_MESSAGE]]);
  });
  it('refuses an unknown qualifier', () => {
    const r = importRowSchema.safeParse({ ...row, qualifier: 'roughly' });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('qualifier');
  });
});

describe("a figure's unit is its metric's", () => {
  const damage = { label: 'Economic damage', unit: 'KZT' };
  it('fits when it is the same unit, letter for letter', () => {
    expect(unitMismatch('KZT', damage)).toBeNull();
    for (const unit of ['kzt', 'Kzt', 'people', 'USD']) expect(unitMismatch(unit, damage)).toMatch(/^Economic damage is counted in KZT, not “/);
  });
  it('says which unit the metric counts in and what to do instead', () => {
    expect(unitMismatch('USD', damage)).toBe('Economic damage is counted in KZT, not “USD”: give the figure in KZT (say in the note if you converted it), or choose another metric.');
  });
  it("the form marks it beside other fields' problems, once the metric and the unit are each valid", () => {
    const metricOf = (id: number) => (id === 7 ? damage : undefined);
    // The unit is trimmed as the schema trims it; the metric is read by its id.
    expect(figureUnitErrors({ metricId: '7', unit: ' people ', location: '' }, metricOf)).toEqual({ unit: [unitMismatch('people', damage)] });
    expect(figureUnitErrors({ metricId: '7', unit: 'KZT' }, metricOf)).toEqual({});
    // Nothing to say when either field has its own problem or the metric is gone (the save says so).
    expect(figureUnitErrors({ metricId: '', unit: 'people' }, metricOf)).toEqual({});
    expect(figureUnitErrors({ metricId: '7', unit: '' }, metricOf)).toEqual({});
    expect(figureUnitErrors({ metricId: '8', unit: 'people' }, metricOf)).toEqual({});
  });
});
