import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Qualifier } from '@/db/schema';
import { bestEstimate, describeOtherReports, describeReportSpread, formatAmountInFull, formatFigureWithBest, describeRevision, describeScope, formatDate, formatFigure, formatNumber, formatFigureWithUnit, isCurrency, figureParts, unitShown } from '@/lib/wording';

const fig = (qualifier: Qualifier, best: number | null, unit = 'people', low: number | null = null, high: number | null = null) => ({
  qualifier, valueBest: best, valueLow: low, valueHigh: high, unit,
});

describe('formatFigure', () => {
  it.each([
    ['exact', 16, '16'],
    ['exact', 1270, '1,270'],
    ['about', 500, 'about 500'],
    ['more_than', 1300, 'more than 1,300'],
    ['at_least', 20, 'at least 20'],
    ['at_most', 9900, 'up to 9,900'],
    ['exact', 0, '0'],
  ] as const)('words %s %d as "%s"', (q, best, expected) => {
    expect(formatFigure(fig(q, best))).toBe(expected);
  });

  it('words an unknown figure as being determined', () => {
    expect(formatFigure(fig('unknown', null))).toBe('being determined');
  });

  it('words a range with an en dash, with or without a best estimate', () => {
    expect(formatFigure(fig('exact', null, 'people', 225, 238))).toBe('225–238');
    expect(formatFigure(fig('exact', 230, 'people', 225, 238))).toBe('225–238');
    expect(formatFigure(fig('about', null, 'people', 1000, 1500))).toBe('about 1,000–1,500');
  });

  it('says a range’s best estimate wherever the number is read in full, after the unit', () => {
    expect(bestEstimate(fig('exact', 230, 'people', 225, 238))).toBe('best estimate 230');
    expect(bestEstimate(fig('exact', null, 'people', 225, 238))).toBeNull();
    expect(bestEstimate(fig('exact', 230))).toBeNull();
    expect(formatFigureWithUnit(fig('about', 230, 'people', 225, 238))).toBe('about 225–238 people (best estimate 230)');
    expect(formatFigureWithUnit(fig('about', null, 'people', 225, 238))).toBe('about 225–238 people');
    expect(formatFigureWithBest(fig('about', 1_200, 'people', 1_000, 1_500))).toBe('about 1,000–1,500 (best estimate 1,200)');
    expect(formatFigureWithUnit(fig('exact', 90_000_000_000, 'KZT', 87_000_000_000, 93_700_000_000))).toBe('KZT 87–93.7 billion (best estimate KZT 90 billion)');
  });

  it('words money compactly with its currency', () => {
    expect(formatFigure(fig('about', 93_700_000_000, 'KZT'))).toBe('about KZT 93.7 billion');
    expect(formatFigure(fig('more_than', 87_000_000_000, 'KZT'))).toBe('more than KZT 87 billion');
    expect(formatFigure(fig('exact', 2_500_000, 'USD'))).toBe('USD 2.5 million');
    expect(formatFigure(fig('exact', 950_000, 'USD'))).toBe('USD 950,000');
    expect(formatFigure(fig('exact', null, 'KZT', 40_000_000_000, 93_700_000_000))).toBe('KZT 40–93.7 billion');
  });

  it('words money compactly only when the words are the exact amount, with as few decimals as that takes', () => {
    expect(formatFigure(fig('about', null, 'KZT', 999_000_000, 1_001_000_000))).toBe('about KZT 999 million–1.001 billion');
    expect(formatNumber(1_050_000_000, 'KZT')).toBe('KZT 1.05 billion');
    expect(formatNumber(93_740_000_000, 'KZT')).toBe('KZT 93.74 billion');
    expect(formatNumber(87_050_000_000, 'KZT')).toBe('KZT 87.05 billion');
    expect(formatNumber(1_000_000_000_000, 'KZT')).toBe('KZT 1 trillion');
  });

  it('writes any other sum of money in full, never rounded: not up, not down, not for a bound', () => {
    expect(formatFigure(fig('exact', 999_999_999, 'KZT'))).toBe('KZT 999,999,999');
    expect(formatFigure(fig('more_than', 87_460_000_001, 'KZT'))).toBe('more than KZT 87,460,000,001');
    expect(formatFigure(fig('at_most', 93_712_500_000, 'KZT'))).toBe('up to KZT 93,712,500,000');
    expect(formatFigure(fig('about', null, 'KZT', 1_000_000, 999_999_999_999))).toBe('about KZT 1 million–999,999,999,999');
    expect(formatNumber(Number.MAX_SAFE_INTEGER, 'USD')).toBe('USD 9,007,199,254,740,991');
  });

  it('words every sum of money as exactly that sum (property)', () => {
    const scales: Record<string, number> = { million: 1e6, billion: 1e9, trillion: 1e12 };
    const amount = (worded: string): number => {
      const [, number, scale] = /^KZT ([\d,.]+)(?: (million|billion|trillion))?$/.exec(worded)!;
      const n = number!.replace(/,/g, '');
      if (!scale) return Number(n);
      // Exact in decimal: the digits shifted by the scale, without floating-point products.
      const [whole, fraction = ''] = n.split('.');
      const zeros = Math.log10(scales[scale]!);
      return Number(`${whole}${fraction.padEnd(zeros, '0')}`);
    };
    const money = fc.oneof(
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      // Round sums, as sources give them: a few digits times a power of ten.
      fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 11 })).map(([d, p]) => d * 10 ** p),
    );
    fc.assert(fc.property(money, (value) => amount(formatNumber(value, 'KZT')) === value), { numRuns: 3000 });
  });

  it('keeps full precision for very large counts', () => {
    expect(formatNumber(Number.MAX_SAFE_INTEGER, 'people')).toBe('9,007,199,254,740,991');
  });

  it('groups every number exactly as Intl does (whole numbers are grouped without it)', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    for (const n of [0, -0, 1, 999, 1000, 9999, 10_000, 100_000, 999_999, 1_000_000, 1234.5, 0.5, -1300, 2 ** 53, 1e21, Number.MAX_SAFE_INTEGER]) {
      expect(formatNumber(n, 'people'), String(n)).toBe(intl.format(n));
    }
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.maxSafeNat(), fc.integer(), fc.double({ noNaN: true })), (n) => formatNumber(n, 'people') === intl.format(n) && (n >= 1_000_000 || formatNumber(n, 'KZT') === `KZT ${intl.format(n)}`)),
      { numRuns: 2000 },
    );
  });
});

describe('figureParts', () => {
  it('parts a figure’s words into its qualifier and its amount, which formatFigure joins', () => {
    const money = { ...fig('about', 90_000_000_000, 'KZT'), valueLow: 40_000_000_000, valueHigh: 93_700_000_000 };
    expect(figureParts(fig('more_than', 87_000_000_000, 'KZT'))).toEqual({ qualifier: 'more than', amount: 'KZT 87 billion' });
    expect(figureParts(money)).toEqual({ qualifier: 'about', amount: 'KZT 40–93.7 billion' });
    expect(figureParts(fig('exact', 16))).toEqual({ qualifier: '', amount: '16' });
    expect(figureParts(fig('unknown', null))).toEqual({ qualifier: '', amount: 'being determined' });
    for (const f of [fig('more_than', 87_000_000_000, 'KZT'), money, fig('exact', 16), fig('at_most', 9900), fig('unknown', null)]) {
      const { qualifier, amount } = figureParts(f);
      expect([qualifier, amount].filter(Boolean).join(' ')).toBe(formatFigure(f));
    }
  });
});

describe('isCurrency', () => {
  it('treats three-letter upper-case codes as money and everything else as counts', () => {
    expect(isCurrency('KZT')).toBe(true);
    expect(isCurrency('people')).toBe(false);
    expect(isCurrency('Kzt')).toBe(false);
  });

  it('words the unit after a count, not after money (it carries its currency) or an unknown (no number)', () => {
    expect(unitShown(fig('exact', 16))).toBe('people');
    expect(unitShown(fig('about', 93_700_000_000, 'KZT'))).toBeNull();
    expect(unitShown(fig('unknown', null))).toBeNull();
    expect(formatFigureWithUnit(fig('exact', 225))).toBe('225 people');
    expect(formatFigureWithUnit(fig('about', 93_700_000_000, 'KZT'))).toBe('about KZT 93.7 billion');
    expect(formatFigureWithUnit(fig('unknown', null))).toBe('being determined');
  });
});

describe('formatDate and describeScope', () => {
  it('formats a calendar date without shifting it by time zone', () => {
    expect(formatDate('2022-01-11')).toBe('11 January 2022');
    expect(formatDate('2023-12-31')).toBe('31 December 2023');
  });
  it('words every day as Intl does, however many days and repeats (each is formatted once and kept)', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const start = Date.UTC(1990, 0, 1);
    // More days than are kept (10,000), twice over: the store is emptied when full, and the second
    // pass reads what the first kept or words it again.
    for (let pass = 0; pass < 2; pass++) {
      for (let d = 0; d < 12_000; d++) {
        const iso = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
        expect(formatDate(iso)).toBe(intl.format(new Date(`${iso}T00:00:00Z`)));
      }
    }
  });
  it('omits the group "all"', () => {
    expect(describeScope('all', 'Almaty')).toBe('Almaty');
    expect(describeScope('law enforcement', 'Kazakhstan')).toBe('law enforcement, Kazakhstan');
  });
});

describe('describeOtherReports', () => {
  it('says how many reports stand behind a card with no spread, and that the others give no number', () => {
    expect(describeOtherReports({ reportCount: 1, retractedCount: 0, numericCount: 1 }, true)).toBeNull();
    expect(describeOtherReports({ reportCount: 2, retractedCount: 0, numericCount: 1 }, true)).toBe('2 reports in all; no other published report gives a number; the figure above is the latest.');
    expect(describeOtherReports({ reportCount: 3, retractedCount: 1, numericCount: 1 }, true)).toBe('3 reports in all (1 retracted); no other published report gives a number; the figure above is the latest.');
    // The latest says "being determined": an earlier number is not hidden behind it.
    expect(describeOtherReports({ reportCount: 2, retractedCount: 0, numericCount: 1 }, false)).toBe('2 reports in all; 1 other published report gives a number; the figure above is the latest.');
    expect(describeOtherReports({ reportCount: 2, retractedCount: 0, numericCount: 0 }, false)).toBe('2 reports in all; none of those published gives a number yet; the figure above is the latest.');
    expect(describeOtherReports({ reportCount: 1200, retractedCount: 1100, numericCount: 1 }, true)).toBe('1,200 reports in all (1,100 retracted); no other published report gives a number; the figure above is the latest.');
  });
});

describe('describeReportSpread', () => {
  it('says the reports it does not count: retracted ones, and those giving no number', () => {
    const r = { low: 164, high: 230, lowQualifier: 'exact' as const, highQualifier: 'exact' as const, reports: 3, sources: 3 };
    expect(describeReportSpread(r, 'people', { retracted: 1, noNumber: 0 })).toBe('3 reports from 3 sources, ranging from 164 to 230; 1 retracted report not counted; the figure above is the latest.');
    expect(describeReportSpread(r, 'people', { retracted: 0, noNumber: 2 })).toBe('3 reports from 3 sources, ranging from 164 to 230; 2 reports giving no number not counted; the figure above is the latest.');
    expect(describeReportSpread({ ...r, low: 230 }, 'people', { retracted: 2, noNumber: 1 })).toBe(
      '3 reports from 3 sources, all with the same number (230); 2 retracted reports and 1 giving no number not counted; the figure above is the latest.',
    );
    expect(describeReportSpread(r, 'people', { retracted: 0, noNumber: 0 })).toBe(describeReportSpread(r, 'people'));
  });

  it('says how many reports from how many sources, their extent, and that the headline is the latest', () => {
    expect(describeReportSpread({ low: 164, high: 230, lowQualifier: 'exact', highQualifier: 'exact', reports: 3, sources: 3 }, 'people')).toBe('3 reports from 3 sources, ranging from 164 to 230; the figure above is the latest.');
    expect(describeReportSpread({ low: 3811, high: 9900, lowQualifier: 'exact', highQualifier: 'exact', reports: 12, sources: 1 }, 'people')).toBe('12 reports from 1 source, ranging from 3,811 to 9,900; the figure above is the latest.');
    expect(describeReportSpread({ low: 1200, high: 1300, lowQualifier: 'exact', highQualifier: 'exact', reports: 1234, sources: 2 }, 'people')).toBe('1,234 reports from 2 sources, ranging from 1,200 to 1,300; the figure above is the latest.');
  });

  it('says how many reports stand behind a number they all agree on', () => {
    expect(describeReportSpread({ low: 100, high: 100, lowQualifier: 'exact', highQualifier: 'exact', reports: 3, sources: 3 }, 'premises')).toBe('3 reports from 3 sources, all with the same number (100); the figure above is the latest.');
    expect(describeReportSpread({ low: 93_700_000_000, high: 93_700_000_000, lowQualifier: 'about', highQualifier: 'about', reports: 2, sources: 1 }, 'KZT')).toBe('2 reports from 1 source, all with the same number (about KZT 93.7 billion); the figure above is the latest.');
  });

  it('keeps the words each end was reported in, and two wordings of one number as two', () => {
    const spread = (low: number, lowQualifier: Qualifier, high: number, highQualifier: Qualifier, unit = 'people') =>
      describeReportSpread({ low, high, lowQualifier, highQualifier, reports: 2, sources: 2 }, unit);
    expect(spread(400, 'more_than', 500, 'about')).toBe('2 reports from 2 sources, ranging from more than 400 to about 500; the figure above is the latest.');
    expect(spread(3811, 'exact', 9900, 'at_most')).toBe('2 reports from 2 sources, ranging from 3,811 up to 9,900; the figure above is the latest.');
    expect(spread(1300, 'more_than', 1300, 'more_than')).toBe('2 reports from 2 sources, all with the same number (more than 1,300); the figure above is the latest.');
    expect(spread(1300, 'exact', 1300, 'more_than')).toBe('2 reports from 2 sources, all giving 1,300, not all in the same words; the figure above is the latest.');
    expect(spread(87_460_000_000, 'more_than', 93_740_000_000, 'about', 'KZT')).toBe('2 reports from 2 sources, ranging from more than KZT 87.46 billion to about KZT 93.74 billion; the figure above is the latest.');
    expect(spread(1_250_000_000, 'at_most', 2_000_000_000, 'exact', 'KZT')).toBe('2 reports from 2 sources, ranging from up to KZT 1.25 billion to KZT 2 billion; the figure above is the latest.');
    // Two amounts a tenge apart stay apart: neither end is rounded.
    expect(spread(93_700_000_000, 'exact', 93_700_000_001, 'exact', 'KZT')).toBe('2 reports from 2 sources, ranging from KZT 93.7 billion to KZT 93,700,000,001; the figure above is the latest.');
  });

  it('names the currency at both ends', () => {
    expect(describeReportSpread({ low: 87_460_000_000, high: 93_740_000_000, lowQualifier: 'exact', highQualifier: 'exact', reports: 2, sources: 2 }, 'KZT')).toBe('2 reports from 2 sources, ranging from KZT 87.46 billion to KZT 93.74 billion; the figure above is the latest.');
  });
});

describe('describeRevision', () => {
  const figure = (valueBest: number, extra: Partial<{ revision: number; updatedAt: string; unit: string; qualifier: Qualifier }> = {}) => ({
    qualifier: 'exact' as Qualifier, valueLow: null, valueBest, valueHigh: null, unit: 'people', revision: 1, updatedAt: '2026-11-26T10:00:00.000Z', ...extra,
  });

  it('says nothing of a figure as first entered', () => {
    expect(describeRevision(figure(230))).toBeNull();
  });

  it('dates an edited figure by the day it was last changed here, with its revision', () => {
    expect(describeRevision(figure(230, { revision: 2, updatedAt: '2026-11-26T23:59:59.000Z' }))).toBe('updated here 26 November 2026 (revision 2)');
    expect(describeRevision(figure(230, { revision: 7, updatedAt: '2022-01-15T00:00:00.000Z' }))).toBe('updated here 15 January 2022 (revision 7)');
  });

  it('says what the number was when the latest change altered it, as the source worded it', () => {
    const now = figure(226, { revision: 2 });
    expect(describeRevision(now, { was: figure(225) })).toBe('updated here 26 November 2026 (revision 2; was 225)');
    expect(describeRevision(now, { was: { ...figure(225), qualifier: 'about' } })).toBe('updated here 26 November 2026 (revision 2; was about 225)');
    expect(describeRevision(now, { was: { ...figure(0), qualifier: 'unknown', valueBest: null } })).toBe('updated here 26 November 2026 (revision 2; was being determined)');
    expect(describeRevision(now, { was: figure(226, { unit: 'deaths' }) })).toBe('updated here 26 November 2026 (revision 2; was 226 deaths)');
    // Only the note or the quote changed: the number is what it was.
    expect(describeRevision(now, { was: figure(226) })).toBe('updated here 26 November 2026 (revision 2)');
  });

  it('says a retraction or a restoration as such, never as a correction, and an earlier correction after it', () => {
    expect(describeRevision(figure(225, { revision: 2 }), { was: null, action: 'retract' })).toBe('retracted here 26 November 2026 (revision 2)');
    expect(describeRevision(figure(225, { revision: 3 }), { was: null, action: 'restore' })).toBe('restored here 26 November 2026 (revision 3)');
    expect(describeRevision(figure(232, { revision: 4 }), { was: figure(230), action: 'restore', wasLatest: false })).toBe('restored here 26 November 2026 (revision 4); corrected before that, was 230');
    // Restoring an earlier version brought its number back: that restoration is the change of number.
    expect(describeRevision(figure(238, { revision: 3 }), { was: figure(239), action: 'restore', wasLatest: true })).toBe('restored here 26 November 2026 (revision 3; was 239)');
    expect(describeRevision(figure(232, { revision: 4 }), { was: figure(230), action: 'update' })).toBe('updated here 26 November 2026 (revision 4; was 230)');
    // A later edit of the note alone: the number's change was before it.
    expect(describeRevision(figure(232, { revision: 5 }), { was: figure(230), action: 'update', wasLatest: false })).toBe('updated here 26 November 2026 (revision 5); corrected before that, was 230');
    // A version brought back that was itself retracted: the figure is retracted again.
    expect(describeRevision({ ...figure(232, { revision: 6 }), status: 'retracted' }, { was: figure(230), action: 'restore', wasLatest: false })).toBe('retracted here 26 November 2026 (revision 6); corrected before that, was 230');
  });
});

describe('formatAmountInFull', () => {
  it.each([
    [fig('more_than', 87_000_000_000, 'KZT'), 'more than KZT 87,000,000,000'],
    [fig('about', 93_700_000_000, 'KZT'), 'about KZT 93,700,000,000'],
    [fig('exact', 1_500_000, 'USD'), 'USD 1,500,000'],
    [fig('exact', 90_000_000_000, 'KZT', 87_000_000_000, 93_700_000_000), 'KZT 87,000,000,000–93,700,000,000 (best estimate KZT 90,000,000,000)'],
    [fig('about', null, 'KZT', 87_000_000_000, 93_700_000_000), 'about KZT 87,000,000,000–93,700,000,000'],
    [fig('unknown', null, 'KZT'), 'being determined'],
  ])('words %j as %j', (f, expected) => expect(formatAmountInFull(f)).toBe(expected));
});
