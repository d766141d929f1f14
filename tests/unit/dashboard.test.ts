import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSeries, pickPrimary, primarySeries, reportedRange, reportsLeftOut, reportStatus, selectHeadline, sortSeries } from '@/lib/dashboard';
import { makeFigure } from '../helpers/figures';
import { reportsPageSpans } from '@/lib/event-dashboard-model';

describe('selectHeadline', () => {
  it('picks the latest published report by reported-on date, whatever the entry order', () => {
    const reports = [
      makeFigure({ id: 3, valueBest: 230, reportedOn: '2022-03-14' }),
      makeFigure({ id: 1, valueBest: 164, reportedOn: '2022-01-09' }),
      makeFigure({ id: 2, valueBest: 225, reportedOn: '2022-01-15' }),
    ];
    expect(selectHeadline(reports)?.valueBest).toBe(230);
  });
  it('breaks a tie on the same date by the one entered last', () => {
    const reports = [
      makeFigure({ id: 8, valueBest: 2, createdAt: '2022-05-02T00:00:00.000Z' }),
      makeFigure({ id: 9, valueBest: 1, createdAt: '2022-05-01T00:00:00.000Z' }),
    ];
    expect(selectHeadline(reports)?.valueBest).toBe(2);
  });
  it('never picks a retracted report, even the latest', () => {
    const reports = [
      makeFigure({ valueBest: 225, reportedOn: '2022-01-15' }),
      makeFigure({ valueBest: 999, reportedOn: '2022-06-01', status: 'retracted', retractionReason: 'misprint' }),
    ];
    expect(selectHeadline(reports)?.valueBest).toBe(225);
    expect(selectHeadline(reports.slice(1))).toBeNull();
  });
  it('lets an "unknown" report headline when it is the latest', () => {
    const reports = [makeFigure({ valueBest: 5, reportedOn: '2022-01-01' }), makeFigure({ qualifier: 'unknown', valueBest: null, reportedOn: '2022-01-02' })];
    expect(selectHeadline(reports)?.qualifier).toBe('unknown');
  });
});

describe('reportsLeftOut', () => {
  it('counts the reports a range leaves out: retracted, and published with no number', () => {
    expect(reportsLeftOut({ reportCount: 6, retractedCount: 1, numericCount: 3 })).toEqual({ retracted: 1, noNumber: 2 });
    expect(reportsLeftOut({ reportCount: 3, retractedCount: 0, numericCount: 3 })).toEqual({ retracted: 0, noNumber: 0 });
  });
});

describe('reportedRange', () => {
  it('spans what published reports said, counting ranges by their ends, with the number of sources', () => {
    const reports = [
      makeFigure({ valueBest: 164, sourceId: 1 }),
      makeFigure({ valueLow: 225, valueBest: null, valueHigh: 238, sourceId: 2 }),
      makeFigure({ valueBest: 230, sourceId: 2 }),
      makeFigure({ valueBest: 9999, sourceId: 3, status: 'retracted', retractionReason: 'x' }),
      makeFigure({ qualifier: 'unknown', valueBest: null, sourceId: 4 }),
    ];
    expect(reportedRange(reports)).toEqual({ low: 164, high: 238, lowQualifier: 'exact', highQualifier: 'exact', reports: 3, sources: 2 });
  });
  it('keeps how a report worded each end, and two wordings of the same number as two', () => {
    const spread = [makeFigure({ qualifier: 'more_than', valueBest: 400 }), makeFigure({ qualifier: 'about', valueBest: 500, sourceId: 2 }), makeFigure({ valueBest: 450, sourceId: 3 })];
    expect(reportedRange(spread)).toMatchObject({ low: 400, lowQualifier: 'more_than', high: 500, highQualifier: 'about' });
    const same = [makeFigure({ qualifier: 'more_than', valueBest: 1300 }), makeFigure({ valueBest: 1300, sourceId: 2 })];
    expect(reportedRange(same)).toMatchObject({ low: 1300, lowQualifier: 'exact', high: 1300, highQualifier: 'more_than' });
    expect(reportedRange([...same].reverse())).toMatchObject({ lowQualifier: 'exact', highQualifier: 'more_than' });
  });
  it('is a single number when reports agree, and null when there is only one number', () => {
    expect(reportedRange([makeFigure({ valueBest: 16 }), makeFigure({ valueBest: 16, sourceId: 2 })])).toEqual({ low: 16, high: 16, lowQualifier: 'exact', highQualifier: 'exact', reports: 2, sources: 2 });
    expect(reportedRange([makeFigure({ valueBest: 16 }), makeFigure({ qualifier: 'unknown', valueBest: null, sourceId: 2 })])).toBeNull();
    expect(reportedRange([makeFigure({ valueBest: 16 })])).toBeNull();
  });
});

describe('buildSeries and statuses', () => {
  const figures = [
    makeFigure({ id: 101, valueBest: 164, reportedOn: '2022-01-09' }),
    makeFigure({ id: 102, valueBest: 230, reportedOn: '2022-03-14' }),
    makeFigure({ id: 103, valueBest: 16, group: 'law enforcement' }),
    makeFigure({ id: 104, valueBest: 139, location: 'Almaty' }),
    makeFigure({ id: 105, valueBest: 1300, metricKey: 'injured', qualifier: 'more_than' }),
    makeFigure({ id: 106, valueBest: 50, reportedOn: '2022-01-10', status: 'retracted', retractionReason: 'wrong event' }),
  ];
  const series = buildSeries(figures);
  it('groups by metric, group and place, metric order first and the whole count first', () => {
    expect(series.map((s) => `${s.metricKey}/${s.group}/${s.location}`)).toEqual([
      'deaths/all/Almaty',
      'deaths/all/Kazakhstan',
      'deaths/law enforcement/Kazakhstan',
      'injured/all/Kazakhstan',
    ]);
  });
  it('marks the headline, the superseded and the retracted reports', () => {
    const kz = series[1]!;
    expect(kz.reports.map((r) => [r.id, reportStatus(r, kz)])).toEqual([
      [101, 'superseded'],
      [106, 'retracted'],
      [102, 'headline'],
    ]);
  });
  it('takes the event country’s whole count as the metric’s primary series', () => {
    expect(primarySeries(series, 'deaths', 'Kazakhstan')?.headline?.id).toBe(102);
    expect(primarySeries(series, 'deaths', 'Elsewhere')?.location).toBe('Kazakhstan');
    expect(primarySeries(series, 'missing', 'Kazakhstan')).toBeUndefined();
  });
});

describe('reportsPageSpans: a page of the All reports table, metric by metric', () => {
  // Metric 3 comes first on the page (its series first), then metric 1; counts add up per metric.
  const series = [
    { metricId: 3, reportCount: 4 },
    { metricId: 3, reportCount: 2 },
    { metricId: 1, reportCount: 5 },
  ];

  it('takes a page inside one metric as an offset into that metric', () => {
    expect(reportsPageSpans(series, 0, 4)).toEqual([{ metricId: 3, offset: 0, limit: 4 }]);
    expect(reportsPageSpans(series, 7, 3)).toEqual([{ metricId: 1, offset: 1, limit: 3 }]);
  });

  it('splits a page that crosses metrics, in page order', () => {
    expect(reportsPageSpans(series, 4, 4)).toEqual([
      { metricId: 3, offset: 4, limit: 2 },
      { metricId: 1, offset: 0, limit: 2 },
    ]);
    expect(reportsPageSpans(series, 0, 100)).toEqual([
      { metricId: 3, offset: 0, limit: 6 },
      { metricId: 1, offset: 0, limit: 5 },
    ]);
  });

  it('is empty past the last report', () => {
    expect(reportsPageSpans(series, 11, 5)).toEqual([]);
    expect(reportsPageSpans([], 0, 5)).toEqual([]);
  });
});

describe('sortSeries', () => {
  const collator = new Intl.Collator();
  // The order written out comparison by comparison, as sortSeries defines it.
  const reference = (list: Array<{ metricKey: string; group: string; location: string }>, order: Map<string, number>) =>
    [...list].sort(
      (a, b) =>
        (order.get(a.metricKey) ?? 0) - (order.get(b.metricKey) ?? 0) ||
        collator.compare(a.metricKey, b.metricKey) ||
        (a.group === 'all' ? 0 : 1) - (b.group === 'all' ? 0 : 1) ||
        collator.compare(a.group, b.group) ||
        collator.compare(a.location, b.location),
    );

  it('puts the whole count first, then groups and places in collation order (Cyrillic, case, accents)', () => {
    const list = [
      { metricKey: 'deaths', group: 'police', location: 'Алматы' },
      { metricKey: 'deaths', group: 'all', location: 'Шымкент' },
      { metricKey: 'deaths', group: 'all', location: 'almaty' },
      { metricKey: 'deaths', group: 'all', location: 'Almaty' },
      { metricKey: 'deaths', group: 'civilians', location: 'Ålesund' },
      { metricKey: 'injured', group: 'all', location: 'Kazakhstan' },
    ];
    const order = new Map([['deaths', 1], ['injured', 0]]);
    expect(sortSeries(list, (k) => order.get(k) ?? 0)).toEqual(reference(list, order));
    expect(sortSeries(list, (k) => order.get(k) ?? 0)[0]!.metricKey).toBe('injured');
  });

  it('gives the same order as collating in every comparison, for any names', () => {
    const name = fc.oneof(fc.constant('all'), fc.constantFrom('Алматы', 'алматы', 'Ålesund', 'a', 'A', 'b', 'ё', 'е'), fc.string({ maxLength: 4 }));
    const series = fc.record({ metricKey: fc.constantFrom('deaths', 'injured', 'detained'), group: name, location: name });
    fc.assert(
      fc.property(fc.array(series, { maxLength: 40 }), fc.boolean(), (list, sameOrder) => {
        const order = new Map([['deaths', sameOrder ? 0 : 2], ['injured', 0], ['detained', 1]]);
        expect(sortSeries(list, (k) => order.get(k) ?? 0)).toEqual(reference(list, order));
      }),
    );
  });
});

describe('pickPrimary', () => {
  const name = fc.oneof(fc.constant('all'), fc.constantFrom('Kazakhstan', 'Алматы', 'алматы', 'Zhanaozen', 'almaty', 'a', 'A', 'ё', 'е'), fc.string({ maxLength: 3 }));
  const candidate = fc.record({ group: name, location: name, reportCount: fc.integer({ min: 1, max: 3 }), hasHeadline: fc.boolean() });
  // Distinct places, as the series of one metric are.
  const candidates = fc.uniqueArray(candidate, { maxLength: 30, selector: (c) => `${c.group}\u0000${c.location}` });

  it('picks the same series whatever order the candidates come in (the event list reads them in SQL order, the page in page order)', () => {
    fc.assert(
      fc.property(candidates, fc.constantFrom('Kazakhstan', 'Алматы', 'a'), fc.infiniteStream(fc.double()), (list, country, randoms) => {
        const shuffled = list.map((c) => ({ c, k: randoms.next().value as number })).sort((a, b) => a.k - b.k).map(({ c }) => c);
        expect(pickPrimary(shuffled, country)).toBe(pickPrimary(list, country));
      }),
    );
  });

  it('is, among equally reported series, the first in page order', () => {
    fc.assert(
      fc.property(candidates, (list) => {
        const eligible = list.filter((c) => c.hasHeadline && c.group !== 'all');
        const most = Math.max(...eligible.map((c) => c.reportCount));
        const pageFirst = sortSeries(eligible.filter((c) => c.reportCount === most).map((c) => ({ ...c, metricKey: 'deaths' })), () => 0)[0];
        // No series of group "all": the rule falls to the most reported series of any group.
        const picked = pickPrimary(eligible, 'nowhere');
        expect(picked && { group: picked.group, location: picked.location }).toEqual(pageFirst && { group: pageFirst.group, location: pageFirst.location });
      }),
    );
  });

  it("chooses the country's whole count, else the most reported whole count, else the most reported series", () => {
    const c = (group: string, location: string, reportCount: number, hasHeadline = true) => ({ group, location, reportCount, hasHeadline });
    expect(pickPrimary([c('all', 'Almaty', 5), c('all', 'Kazakhstan', 1)], 'Kazakhstan')?.location).toBe('Kazakhstan');
    expect(pickPrimary([c('all', 'Zhanaozen', 1), c('all', 'almaty', 1), c('police', 'Kazakhstan', 9)], 'Kazakhstan')?.location).toBe('almaty');
    expect(pickPrimary([c('police', 'Zhanaozen', 2), c('army', 'Almaty', 2), c('all', 'Taraz', 1, false)], 'Kazakhstan')?.group).toBe('army');
    expect(pickPrimary([c('all', 'Kazakhstan', 3, false)], 'Kazakhstan')).toBeUndefined();
  });
});
