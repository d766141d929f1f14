import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { diffSnapshots } from '@/lib/audit-diff';
import { email, passwordIssue, signInSchema } from '@/lib/validation/admin-user';
import { figureEditSchema, figureFormSchema, restoreSchema, retractSchema } from '@/lib/validation/figure-form';
import { figureFiltersSchema, pageWithin, readFigureFilters } from '@/lib/validation/admin-figure-filters';
import { rowId } from '@/lib/validation/ids';

const errorsOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) (out[String(i.path[0] ?? '_')] ??= []).push(i.message);
  return out;
};

/** A valid submission of the figure form, as FormData gives it: every value a string. */
const form = (over: Record<string, string> = {}) => ({
  eventId: '1', metricId: '1', group: 'all', location: 'Kazakhstan', qualifier: 'exact', valueLow: '', valueBest: '238', valueHigh: '',
  unit: 'people', reportedOn: '2022-12-01', sourceChoice: 'existing', sourceId: '4', newSourceReportingBody: '', newSourcePublisher: '',
  newSourceTitle: '', newSourceUrl: '', newSourcePublishedOn: '', quote: '', note: '', ...over,
});

describe('figure form', () => {
  it('reads a valid submission with an existing source', () => {
    expect(figureFormSchema.parse(form())).toEqual({
      eventId: 1, metricId: 1, group: 'all', location: 'Kazakhstan', qualifier: 'exact', valueLow: null, valueBest: 238, valueHigh: null,
      unit: 'people', reportedOn: '2022-12-01', quote: '', note: '', source: { kind: 'existing', id: 4 },
    });
  });

  it('reads a new source typed inline, with the source rules', () => {
    const parsed = figureFormSchema.parse(form({ sourceChoice: 'new', sourceId: '', newSourceReportingBody: " Prosecutor General's Office ", newSourceUrl: 'https://example.org/238', newSourcePublishedOn: '2022-12-01' }));
    expect(parsed.source).toEqual({ kind: 'new', source: { reportingBody: "Prosecutor General's Office", publisher: '', title: '', url: 'https://example.org/238', publishedOn: '2022-12-01', fullText: '' } });
  });

  it('marks the event and metric when none is chosen', () => {
    expect(errorsOf(figureFormSchema, form({ eventId: '', metricId: 'x' }))).toEqual({ eventId: ['Choose the event.'], metricId: ['Choose the metric.'] });
  });

  it.each([['-5'], ['12abc'], ['1.5'], ['1e3']])('refuses the number %j, quoting it', (best) => {
    expect(errorsOf(figureFormSchema, form({ valueBest: best }))).toEqual({ valueBest: [`"${best}" is not a whole number of 0 or more; enter one like 1300.`] });
  });

  it('refuses low greater than high, and best outside the range', () => {
    expect(errorsOf(figureFormSchema, form({ valueLow: '300', valueBest: '250', valueHigh: '200' }))).toEqual({ valueLow: ['Low must not be greater than high.'] });
    expect(errorsOf(figureFormSchema, form({ valueLow: '240', valueBest: '230', valueHigh: '250' }))).toEqual({ valueLow: ['Low must not be greater than best.'] });
    expect(errorsOf(figureFormSchema, form({ valueLow: '200', valueBest: '260', valueHigh: '250' }))).toEqual({ valueHigh: ['High must not be less than best.'] });
    expect(errorsOf(figureFormSchema, form({ valueLow: '200', valueBest: '', valueHigh: '' }))).toEqual({ valueHigh: ['Give both low and high for a range, or neither.'] });
  });

  it('reports low greater than high together with a number that is not one', () => {
    expect(errorsOf(figureFormSchema, form({ valueLow: '300', valueBest: 'abc', valueHigh: '200' }))).toEqual({
      valueLow: ['Low must not be greater than high.'],
      valueBest: ['"abc" is not a whole number of 0 or more; enter one like 1300.'],
    });
    // Not a form at all: refused, not thrown.
    expect(figureFormSchema.safeParse(null).success).toBe(false);
    // With every number valid but the qualifier not one, the rules between the numbers still run.
    expect(errorsOf(figureFormSchema, form({ qualifier: 'roughly', valueLow: '300', valueBest: '', valueHigh: '200' }))).toEqual({
      qualifier: ['Choose one of: exact, about, at_least, more_than, at_most, unknown.'],
      valueLow: ['Low must not be greater than high.'],
    });
  });

  it('refuses a number with the qualifier "unknown", and no number without it', () => {
    expect(errorsOf(figureFormSchema, form({ qualifier: 'unknown' }))).toEqual({ valueBest: ['Leave the number empty when the qualifier is "unknown", or choose another qualifier.'] });
    expect(errorsOf(figureFormSchema, form({ valueBest: '' }))).toEqual({ valueBest: ['Enter the number, or a low and a high for a range, or choose the qualifier "unknown".'] });
    expect(figureFormSchema.parse(form({ qualifier: 'unknown', valueBest: '' })).valueBest).toBeNull();
  });

  it('refuses a future date, a non-date, and an unknown qualifier', () => {
    expect(errorsOf(figureFormSchema, form({ reportedOn: '2999-01-01', qualifier: 'roughly' }))).toEqual({
      qualifier: ['Choose one of: exact, about, at_least, more_than, at_most, unknown.'],
      reportedOn: ['2999-01-01 is in the future; enter the date it was reported.'],
    });
    expect(errorsOf(figureFormSchema, form({ reportedOn: '2022-02-30' }))).toEqual({ reportedOn: ['"2022-02-30" is not a date; use YYYY-MM-DD, like 2022-01-11.'] });
  });

  it('refuses control characters and over-long text', () => {
    expect(errorsOf(figureFormSchema, form({ location: 'Almaty\u0007', note: 'x'.repeat(2001) }))).toEqual({
      location: ['Remove the control characters and line breaks.'],
      note: ['Use at most 2,000 characters (this has 2,001).'],
    });
    expect(errorsOf(figureFormSchema, form({ group: '' }))).toEqual({ group: ['Enter the group counted, like "all" or "civilians".'] });
  });

  it('asks for a source: an existing one, or a valid new one, marking the new source fields', () => {
    expect(errorsOf(figureFormSchema, form({ sourceId: '' }))).toEqual({ sourceId: ['Choose the source, or add a new one.'] });
    expect(errorsOf(figureFormSchema, form({ sourceChoice: '' }))).toEqual({ sourceChoice: ['Choose an existing source or add a new one.'] });
    expect(errorsOf(figureFormSchema, form({ sourceChoice: 'new', newSourceUrl: 'javascript:alert(1)', newSourcePublishedOn: '2999-01-01' }))).toEqual({
      newSourceReportingBody: ['Enter who announced the figures.'],
      newSourceUrl: ['Enter a web address starting with http:// or https://.'],
      newSourcePublishedOn: ['2999-01-01 is in the future; enter the date it was reported.'],
    });
  });

  it("takes a new source's empty publication date as the figure's reported-on date, and marks only Reported on while that is wrong", () => {
    const parsed = figureFormSchema.parse(form({ sourceChoice: 'new', newSourceReportingBody: 'Ministry', newSourcePublishedOn: ' ', reportedOn: '2022-01-15' }));
    expect(parsed.source).toMatchObject({ kind: 'new', source: { reportingBody: 'Ministry', publishedOn: '2022-01-15' } });
    // A date given is kept, even another one.
    expect(figureFormSchema.parse(form({ sourceChoice: 'new', newSourceReportingBody: 'Ministry', newSourcePublishedOn: '2022-01-14', reportedOn: '2022-01-15' })).source)
      .toMatchObject({ source: { publishedOn: '2022-01-14' } });
    expect(errorsOf(figureFormSchema, form({ sourceChoice: 'new', newSourceReportingBody: 'Ministry', newSourcePublishedOn: '', reportedOn: '2022-13-01' }))).toEqual({
      reportedOn: ['"2022-13-01" is not a date; use YYYY-MM-DD, like 2022-01-11.'],
    });
    expect(errorsOf(figureFormSchema, form({ sourceChoice: 'new', newSourceReportingBody: 'Ministry', newSourcePublishedOn: '2022-13-01', reportedOn: '2022-01-15' }))).toEqual({
      newSourcePublishedOn: ['"2022-13-01" is not a date; use YYYY-MM-DD, like 2022-01-11.'],
    });
  });

  it('shows every problem of a submission at once, cross-field rules included', () => {
    expect(Object.keys(errorsOf(figureFormSchema, form({ eventId: '', valueLow: '9', valueHigh: '3', valueBest: '5', sourceId: '' })))).toEqual(['eventId', 'valueLow', 'sourceId']);
  });

  it('an edit carries the figure and the revision it was built from', () => {
    expect(figureEditSchema.parse({ ...form(), figureId: '7', revision: '3' })).toMatchObject({ figureId: 7, revision: 3, valueBest: 238 });
    expect(errorsOf(figureEditSchema, { ...form(), figureId: '7', revision: '' })).toEqual({ revision: ['The form is missing its revision; reload the page and try again.'] });
  });

  it("an edit's reason is optional, one line, at most 500 characters", () => {
    const edit = (changeReason?: string) => ({ ...form(), figureId: '7', revision: '3', changeReason });
    expect(figureEditSchema.parse(edit()).changeReason).toBe('');
    expect(figureEditSchema.parse(edit('  a typing error  ')).changeReason).toBe('a typing error');
    expect(errorsOf(figureEditSchema, edit('two\nlines'))).toEqual({ changeReason: ['Remove the control characters and line breaks.'] });
    expect(errorsOf(figureEditSchema, edit('x'.repeat(501)))).toEqual({ changeReason: ['Use at most 500 characters (this has 501).'] });
  });

  it('retracting needs a reason; restoring an earlier version names its audit entry', () => {
    expect(errorsOf(retractSchema, { figureId: '1', revision: '1', reason: '  ' })).toEqual({ reason: ['Enter why the figure is retracted.'] });
    expect(retractSchema.parse({ figureId: '1', revision: '1', reason: ' Double-counted ' }).reason).toBe('Double-counted');
    expect(restoreSchema.parse({ figureId: '1', revision: '2' }).auditEntryId).toBeNull();
    expect(restoreSchema.parse({ figureId: '1', revision: '2', auditEntryId: '40' }).auditEntryId).toBe(40);
    expect(errorsOf(restoreSchema, { figureId: '1', revision: '2', auditEntryId: 'x' })).toEqual({ auditEntryId: ['Choose the version to restore.'] });
    // Either may say why, under the edit's rules.
    expect(restoreSchema.parse({ figureId: '1', revision: '2', changeReason: ' misread ' }).changeReason).toBe('misread');
    expect(restoreSchema.parse({ figureId: '1', revision: '2' }).changeReason).toBe('');
    expect(errorsOf(restoreSchema, { figureId: '1', revision: '2', changeReason: 'x'.repeat(501) })).toEqual({ changeReason: ['Use at most 500 characters (this has 501).'] });
  });
});

describe('row ids', () => {
  it.each(['1', ' 42 ', 7])('reads %j', (v) => expect(rowId('Pick one.').parse(v)).toBe(Number(String(v).trim())));
  it.each(['0', '-1', '1.5', '01', 'abc', '', null, '99999999999999999'])('refuses %j', (v) => {
    expect(errorsOf(rowId('Pick one.'), v)).toEqual({ _: ['Pick one.'] });
  });
});

describe('admin accounts', () => {
  it('reads e-mail addresses in lower case', () => expect(email.parse(' Editor@Example.ORG ')).toBe('editor@example.org'));
  it.each([['', 'Enter an e-mail address.'], ['editor', 'Enter an e-mail address like editor@example.org.'], ['a b@c.d', 'Enter an e-mail address like editor@example.org.']])('refuses %j', (v, message) => {
    expect(errorsOf(email, v)).toEqual({ _: [message] });
  });

  it('refuses weak passwords, saying why', () => {
    expect(passwordIssue('short')).toBe('Use at least 12 characters (this has 5).');
    expect(passwordIssue('x'.repeat(201))).toBe('Use at most 200 characters.');
    expect(passwordIssue('aaaaaaaaaaaaaaaa')).toBe('Use at least 5 different characters.');
    expect(passwordIssue('Password1234')).toBe('This password is too common; choose another.');
    expect(passwordIssue('editor-secret-99', 'editor@example.org')).toBe('Do not use the e-mail address in the password.');
    expect(passwordIssue('correct horse battery staple', 'editor@example.org')).toBeNull();
  });

  it('the sign-in form asks for both fields', () => {
    expect(errorsOf(signInSchema, { email: '', password: '' })).toEqual({ email: ['Enter an e-mail address.'], password: ['Enter your password.'] });
  });
});

describe('figure list filters from the URL', () => {
  it('reads the filters and drops what does not parse', () => {
    expect(figureFiltersSchema.parse({ event: '2', metric: 'x', status: 'retracted', q: ' toll ', page: '3' })).toEqual({ event: 2, metric: undefined, status: 'retracted', q: 'toll', page: 3 });
    expect(figureFiltersSchema.parse({ status: 'deleted', page: '-1', q: '' })).toEqual({ event: undefined, metric: undefined, status: undefined, q: undefined, page: 1 });
    expect(figureFiltersSchema.parse({ status: [' published ', 'retracted'], page: '99999999999999999999' })).toMatchObject({ status: 'published', page: Number.MAX_SAFE_INTEGER });
  });

  it('says which status or page of the address it cannot follow, and what it shows instead', () => {
    expect(readFigureFilters({ status: 'xyz', page: '2' })).toEqual({
      filters: { event: undefined, metric: undefined, status: undefined, q: undefined, page: 2 },
      notices: ['The status "xyz" is not one of published or retracted; figures of any status are shown.'],
    });
    expect(readFigureFilters({ status: 'retracted', page: 'abc' }).notices).toEqual(['"abc" is not a page number; the first page is shown.']);
    expect(readFigureFilters({ page: ['0', '2'] }).notices).toEqual(['"0" is not a page number; the first page is shown.']);
    expect(readFigureFilters({ page: '1e3' }).notices).toEqual(['"1e3" is not a page number; the first page is shown.']);
    expect(readFigureFilters({ status: '<script>x</script>'.repeat(5), page: '-1' }).notices).toEqual([
      `The status "${'<script>x</script>'.repeat(5).slice(0, 40)}…" is not one of published or retracted; figures of any status are shown.`,
      '"-1" is not a page number; the first page is shown.',
    ]);
  });

  it('says nothing of what the list can follow, or of the form\'s empty "Any"', () => {
    for (const params of [{}, { status: '', page: '', q: '' }, { status: 'published', page: '3' }, { status: ' retracted ' }, { page: '99' }]) {
      expect(readFigureFilters(params).notices).toEqual([]);
    }
  });

  it('shows the last page for one past the end, and says so', () => {
    expect(pageWithin(2, 3)).toEqual({ page: 2 });
    expect(pageWithin(3, 3)).toEqual({ page: 3 });
    expect(pageWithin(99, 3)).toEqual({ page: 3, notice: 'Page 99 is past the end; the last page, page 3, is shown.' });
    expect(pageWithin(12_345, 1)).toEqual({ page: 1, notice: 'Page 12,345 is past the end; the only page is shown.' });
  });
});

describe('audit differences', () => {
  it('lists the fields that changed, with names for ids, ignoring bookkeeping', () => {
    const before = { id: 3, metricId: 1, valueBest: 238, valueHigh: 5135, note: '', quote: null, revision: 1, updatedAt: 'a' };
    const after = { id: 3, metricId: 2, valueBest: 239, valueHigh: 5153, note: 'Revised', quote: null, revision: 2, updatedAt: 'b' };
    expect(diffSnapshots(before, after, { metricId: new Map([[1, 'Deaths'], [2, 'Injured']]) })).toEqual([
      { field: 'metricId', label: 'Metric', before: 'Deaths', after: 'Injured' },
      { field: 'valueBest', label: 'Number (best)', before: '238', after: '239' },
      // The numbers as people read them.
      { field: 'valueHigh', label: 'Number (high)', before: '5,135', after: '5,153' },
      { field: 'note', label: 'Note', before: '(empty)', after: 'Revised' },
    ]);
  });

  it('shows a creation as every field set, and shortens long texts', () => {
    const changes = diffSnapshots(null, { reportingBody: 'Ministry', fullText: 'x'.repeat(1000) });
    expect(changes).toEqual([
      { field: 'reportingBody', label: 'Reported by', before: '(empty)', after: 'Ministry' },
      { field: 'fullText', label: 'Full text', before: '(empty)', after: `${'x'.repeat(300)}… (1,000 characters)` },
    ]);
  });
});

describe('event form', () => {
  it('reports a bad slug and an end date before the start together', async () => {
    const { eventSchema } = await import('@/lib/validation/event');
    expect(errorsOf(eventSchema, { slug: 'Bad Slug!', name: 'Flood', country: 'X', startDate: '2023-05-01', endDate: '2023-04-01', description: '' })).toEqual({
      slug: ['Use 1–100 lower-case letters, digits and single hyphens, like kazakhstan-2022-unrest.'],
      endDate: ['The end date must not be before the start date.'],
    });
  });
});
