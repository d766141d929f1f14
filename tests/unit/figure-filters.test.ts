import { describe, expect, it } from 'vitest';
import { afterColon, encodeCursor, formatParameterError, parseCsvQuery, parseJsonQuery, type FigureFilters } from '@/lib/validation/figure-filters';

const q = (s: string) => new URLSearchParams(s);
const errors = (r: ReturnType<typeof parseCsvQuery> | ReturnType<typeof parseJsonQuery>) => (r.ok ? [] : r.errors.map(formatParameterError));

describe('export and API filters', () => {
  it('defaults to published figures of every event, without HXL', () => {
    expect(parseCsvQuery(q(''))).toEqual({ ok: true, value: { status: 'published', group: '', location: '', hxl: false } });
  });

  it('reads every filter', () => {
    const r = parseCsvQuery(q('event=kazakhstan-2022-unrest&metric=deaths&group=law+enforcement&location=Almaty&from=2022-01-05&to=2022-01-11&status=all&hxl=1'));
    expect(r).toEqual({
      ok: true,
      value: { event: 'kazakhstan-2022-unrest', metric: ['deaths'], group: 'law enforcement', location: 'Almaty', from: '2022-01-05', to: '2022-01-11', status: 'all', hxl: true },
    });
  });

  it('reads an event slug, metric keys and the status in any letter case, as the lower-case they are', () => {
    expect(parseCsvQuery(q('event=Kazakhstan-2022-Unrest&metric=Deaths,INJURED&status=ALL'))).toMatchObject({
      ok: true,
      value: { event: 'kazakhstan-2022-unrest', metric: ['deaths', 'injured'], status: 'all' },
    });
  });

  it.each([
    ['event=Kazakhstan 2022', 'event: use an event slug: 1–100 letters, digits and single hyphens, like kazakhstan-2022-unrest.'],
    ['metric=Deaths!', 'metric: use a metric key such as deaths or economic_damage.'],
    ['from=2022-13-01', 'from: "2022-13-01" is not a date; use YYYY-MM-DD, like 2022-01-11.'],
    ['to=11/01/2022', 'to: "11/01/2022" is not a date; use YYYY-MM-DD, like 2022-01-11.'],
    ['from=2022-02-01&to=2022-01-01', 'to: 2022-01-01 is before from (2022-02-01); give a to date on or after it.'],
    ['status=deleted', 'status: use one of: published, retracted, all.'],
    ['hxl=yes', 'hxl: use hxl=1 to add the HXL hashtag row, or hxl=0 (or leave it out) for none.'],
    ['location=a%0Ab', 'location: remove the control characters and line breaks.'],
    [`group=${'x'.repeat(201)}`, 'group: use at most 200 characters (this has 201).'],
    ['evnt=x', 'evnt: unknown parameter; use event, metric, group, location, from, to, status, hxl.'],
    ['event=a&event=b', 'event: give this parameter once.'],
    // A value forgotten would filter on nothing, handing over every figure.
    ['group=', 'group: give it a value, or leave the parameter out.'],
    // Two empty keys, one message.
    ['metric=,', 'metric: "," has an empty part: separate metric keys by single commas, like deaths,injured.'],
    ['metric=deaths,', 'metric: "deaths," has an empty part: separate metric keys by single commas, like deaths,injured.'],
    ['metric=deaths,Injured!', 'metric: "Injured!" is not a metric key. Use a metric key such as deaths or economic_damage.'],
    [`metric=${Array.from({ length: 51 }, (_, i) => `m${i}`).join(',')}`, 'metric: name at most 50 metrics.'],
    ['event=kazakhstan-2022-unrest&location=%20', 'location: give it a value, or leave the parameter out.'],
    ['limit=10', 'limit: only the JSON API (/api/figures) takes it; use event, metric, group, location, from, to, status, hxl.'],
  ])('refuses %s', (query, message) => {
    expect(errors(parseCsvQuery(q(query)))).toEqual([message]);
  });

  it('reports every bad parameter at once', () => {
    expect(errors(parseCsvQuery(q('from=x&status=y')))).toEqual([
      'from: "x" is not a date; use YYYY-MM-DD, like 2022-01-11.',
      'status: use one of: published, retracted, all.',
    ]);
  });
});

describe('JSON API paging', () => {
  it('defaults to the first page of 100', () => {
    expect(parseJsonQuery(q(''))).toMatchObject({ ok: true, value: { cursor: 0, limit: 100 } });
  });

  const deathsInAlmaty: FigureFilters = { event: 'kazakhstan-2022-unrest', metric: ['deaths'], group: '', location: 'Almaty', status: 'published' };

  it('reads a cursor it gave out, with the filters it was given for however they are typed', () => {
    const unfiltered = { group: '', location: '', status: 'published' } as const;
    expect(parseJsonQuery(q(`cursor=${encodeCursor(42, unfiltered)}&limit=500`))).toMatchObject({ ok: true, value: { cursor: 42, limit: 500 } });
    const next = encodeCursor(7, deathsInAlmaty);
    expect(parseJsonQuery(q(`event=kazakhstan-2022-unrest&metric=deaths&location=Almaty&cursor=${next}`))).toMatchObject({ ok: true, value: { cursor: 7 } });
    expect(parseJsonQuery(q(`location=ALMATY&metric=Deaths&event=Kazakhstan-2022-Unrest&status=published&cursor=${next}`))).toMatchObject({ ok: true, value: { cursor: 7 } });
    // A cursor from before the filters were part of it is still read.
    expect(parseJsonQuery(q(`cursor=${Buffer.from('after:9').toString('base64url')}`))).toMatchObject({ ok: true, value: { cursor: 9 } });
  });

  it('refuses a cursor with filters other than those it was given for: it would skip every figure before its id', () => {
    const next = encodeCursor(7, deathsInAlmaty);
    const message = 'cursor: this cursor continues a listing with other filters; give the filters of the page that gave it, or leave the cursor out to start this listing from its first page.';
    for (const query of [`cursor=${next}`, `event=kazakhstan-2022-unrest&metric=deaths&cursor=${next}`, `event=kazakhstan-2022-unrest&metric=deaths,injured&location=Almaty&cursor=${next}`, `event=kazakhstan-2022-unrest&metric=deaths&location=Almaty&status=all&cursor=${next}`]) {
      expect(errors(parseJsonQuery(q(query))), query).toEqual([message]);
    }
  });

  it('says every problem of a query at once, an unknown parameter with the bad values', () => {
    expect(errors(parseJsonQuery(q('from=x&to=y&limit=0&foo=1&group=')))).toEqual([
      'foo: unknown parameter; use event, metric, group, location, from, to, status, cursor, limit.',
      'group: give it a value, or leave the parameter out.',
      expect.stringMatching(/^from: /),
      expect.stringMatching(/^to: /),
      'limit: use a whole number from 1 to 500.',
    ]);
  });

  it.each([
    ['limit=0', 'limit: use a whole number from 1 to 500.'],
    ['limit=501', 'limit: use a whole number from 1 to 500.'],
    ['limit=ten', 'limit: use a whole number from 1 to 500.'],
    ['cursor=42', 'cursor: this cursor was not given by this API; use the nextCursor of the previous page.'],
    [`cursor=${Buffer.from('after:-1').toString('base64url')}`, 'cursor: this cursor was not given by this API; use the nextCursor of the previous page.'],
    ['hxl=1', 'hxl: only the CSV export (/api/figures.csv) takes it; use event, metric, group, location, from, to, status, cursor, limit.'],
  ])('refuses %s', (query, message) => {
    expect(errors(parseJsonQuery(q(query)))).toEqual([message]);
  });

  it('takes the command line’s options as a record, leaving out unset ones', () => {
    expect(parseCsvQuery({ event: 'kazakhstan-2022-unrest', metric: undefined })).toMatchObject({ ok: true, value: { event: 'kazakhstan-2022-unrest' } });
  });
});

describe('several metrics', () => {
  it('reads a comma-separated list of metric keys', () => {
    expect(parseCsvQuery(new URLSearchParams('metric=deaths,injured, detained'))).toMatchObject({ ok: true, value: { metric: ['deaths', 'injured', 'detained'] } });
    expect(parseCsvQuery(new URLSearchParams('metric=deaths,,injured'))).toMatchObject({ ok: false, errors: [{ parameter: 'metric' }] });
  });
});

describe('afterColon (a rule\'s message after "parameter: ")', () => {
  it('lower-cases a sentence\'s first word, and leaves capitals, quotes and numbers as they are', () => {
    expect(afterColon('Use a whole number from 1 to 500.')).toBe('use a whole number from 1 to 500.');
    expect(afterColon('HXL rows need hxl=1.')).toBe('HXL rows need hxl=1.');
    expect(afterColon('"2022-13-01" is not a date.')).toBe('"2022-13-01" is not a date.');
    expect(afterColon('A')).toBe('A');
  });
});

