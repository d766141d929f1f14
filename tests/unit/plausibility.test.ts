import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Qualifier } from '@/db/schema';
import { amountOf, awaitsConfirmation, changesCheckedParts, factorBetween, reasonText, unusualNumber, UNUSUAL_FACTOR, type CheckedParts, type NeighbourReport, type UnusualNumber } from '@/lib/plausibility';

const texts = (u: UnusualNumber | null) => u?.reasons.map(reasonText);

const amount = (qualifier: Qualifier, best: number | null, low: number | null = null, high: number | null = null, unit = 'people') => ({
  qualifier, valueBest: best, valueLow: low, valueHigh: high, unit,
});
const report = (best: number | null, over: Partial<NeighbourReport> = {}): NeighbourReport => ({
  id: 7, reportedOn: '2022-01-15', reportingBody: "Prosecutor General's Office", publisher: 'Associated Press', ...amount(best === null ? 'unknown' : 'exact', best), ...over,
});

describe('amountOf', () => {
  it('is the best number, else the middle of the range, else none', () => {
    expect(amountOf(amount('exact', 230))).toBe(230);
    expect(amountOf(amount('about', 230, 225, 238))).toBe(230);
    expect(amountOf(amount('exact', null, 225, 238))).toBe(232); // 231.5, rounded as the timeline places it
    expect(amountOf(amount('unknown', null))).toBeNull();
  });
});

describe('factorBetween', () => {
  it('is the larger over the smaller, either way round, zero counted as one', () => {
    expect(factorBetween(2300, 230)).toBe(10);
    expect(factorBetween(23, 230)).toBe(10);
    expect(factorBetween(0, 5)).toBe(5);
    expect(factorBetween(0, 225)).toBe(225);
    expect(factorBetween(0, 0)).toBe(1);
  });

  it('is symmetric and at least 1', () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), (a, b) => factorBetween(a, b) === factorBetween(b, a) && factorBetween(a, b) >= 1));
  });
});

describe('unusualNumber', () => {
  it('says nothing of a number within ten times its neighbours (the real revisions 164 → 225 → 230)', () => {
    expect(unusualNumber(amount('exact', 225), { before: report(164), after: report(230) })).toBeNull();
    expect(unusualNumber(amount('exact', 2299), { before: report(230), after: null })).toBeNull();
  });

  it('names the report before a tenfold jump, with its source and date', () => {
    const unusual = unusualNumber(amount('exact', 2300), { before: report(230, { id: 3, reportingBody: 'Prosecutor General Berik Asylov', publisher: 'Interfax', reportedOn: '2022-03-14' }), after: null });
    expect(texts(unusual)).toEqual(['2,300 is 10 times the last report before it in this series: 230, reported 14 March 2022 by Prosecutor General Berik Asylov, published by Interfax (figure #3).']);
    // Without a publisher, or with the body's own name as one, the body alone.
    expect(texts(unusualNumber(amount('exact', 2300), { before: report(230, { reportingBody: 'Ministry', publisher: '' }), after: null }))![0]).toMatch(/ by Ministry \(figure #7\)\.$/);
    expect(texts(unusualNumber(amount('exact', 2300), { before: report(230, { reportingBody: 'TASS', publisher: 'TASS' }), after: null }))![0]).toMatch(/ by TASS \(figure #7\)\.$/);
  });

  it('names the report after a number ten times smaller, worded with its qualifier and range', () => {
    const unusual = unusualNumber(amount('about', 23), { before: null, after: report(null, { ...amount('about', 230, 225, 238) }) });
    expect(texts(unusual)).toEqual([
      "about 23 is 10 times smaller than the next report after it in this series: about 225–238 (best estimate 230), reported 15 January 2022 by Prosecutor General's Office, published by Associated Press (figure #7).",
    ]);
  });

  it('compares with both neighbours, each in its own message', () => {
    const unusual = unusualNumber(amount('exact', 16_400), { before: report(164), after: report(225) });
    expect(unusual?.reasons.map((r) => r.figureId)).toEqual([7, 7]);
    expect(texts(unusual)![0]).toMatch(/^16,400 is 100 times the last report before it/);
    expect(texts(unusual)![1]).toMatch(/^16,400 is 72\.9 times the next report after it/);
  });

  it('words money compactly, as the page does', () => {
    const unusual = unusualNumber(amount('about', 937_000_000_000, null, null, 'KZT'), { before: report(null, { ...amount('about', 93_700_000_000, null, null, 'KZT') }), after: null });
    expect(texts(unusual)![0]).toMatch(/^about KZT 937 billion is 10 times the last report before it in this series: about KZT 93\.7 billion/);
  });

  it('says nothing when there is no number to compare: none entered, no neighbours, or a neighbour being determined', () => {
    expect(unusualNumber(amount('unknown', null), { before: report(5), after: null })).toBeNull();
    expect(unusualNumber(amount('exact', 5000), { before: null, after: null })).toBeNull();
    expect(unusualNumber(amount('exact', 5000), { before: report(null), after: null })).toBeNull();
  });

  it('asks about 0 after 225, not about 5 after 0', () => {
    expect(unusualNumber(amount('exact', 0), { before: report(225), after: null })?.reasons[0]!.text).toMatch(/^0 is 225 times smaller than/);
    expect(unusualNumber(amount('exact', 5), { before: report(0), after: null })).toBeNull();
  });

  it('gives a key that changes with the reasons, and only with them', () => {
    const neighbours = { before: report(230), after: null };
    const a = unusualNumber(amount('exact', 2300), neighbours)!;
    expect(unusualNumber(amount('exact', 2300), neighbours)!.key).toBe(a.key);
    expect(unusualNumber(amount('exact', 23000), neighbours)!.key).not.toBe(a.key);
    expect(unusualNumber(amount('exact', 2300), { before: report(230, { id: 8 }), after: null })!.key).not.toBe(a.key);
  });

  it('asks exactly when one number is at least UNUSUAL_FACTOR times the other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (entered, theirs) => {
        const asked = unusualNumber(amount('exact', entered), { before: report(theirs), after: null }) !== null;
        return asked === factorBetween(entered, theirs) >= UNUSUAL_FACTOR;
      }),
    );
  });
});

describe('an edited figure alone in its series', () => {
  const saved = { id: 30, revision: 2, ...amount('exact', 4353) };
  it('is compared with its own saved number, and only when it has no neighbour', () => {
    expect(texts(unusualNumber(amount('exact', 43530), { before: null, after: null }, saved))).toEqual([
      "43,530 is 10 times this figure's number as saved (revision 2), the only report in this series: 4,353 (figure #30).",
    ]);
    expect(unusualNumber(amount('exact', 4354), { before: null, after: null }, saved)).toBeNull();
    // With a neighbour, the neighbour is the measure: a typing error corrected is not asked about.
    expect(unusualNumber(amount('exact', 435), { before: report(430), after: null }, { ...saved, valueBest: 4350 })).toBeNull();
    // A new figure has nothing saved to compare with.
    expect(unusualNumber(amount('exact', 43530), { before: null, after: null })).toBeNull();
  });
});

describe('awaitsConfirmation', () => {
  const unusual = { reasons: [{ text: '…', figureId: 1 }], key: 'abcd1234' };
  it('waits for the key of the very warning shown', () => {
    expect(awaitsConfirmation(unusual, undefined)).toBe(true);
    expect(awaitsConfirmation(unusual, 'other')).toBe(true);
    expect(awaitsConfirmation(unusual, 'abcd1234')).toBe(false);
    expect(awaitsConfirmation(null, undefined)).toBe(false);
  });
});

describe('changesCheckedParts', () => {
  const stored: CheckedParts = { eventId: 1, metricId: 1, group: 'all', location: 'Kazakhstan', reportedOn: '2022-01-15', ...amount('exact', 225) };
  it('is false for an edit that leaves the number and its series alone, true for a change to any of them', () => {
    expect(changesCheckedParts(stored, { ...stored })).toBe(false);
    for (const change of [{ valueBest: 226 }, { qualifier: 'about' as const }, { valueLow: 1 }, { valueHigh: 300 }, { unit: 'KZT' }, { eventId: 2 }, { metricId: 2 }, { group: 'civilians' }, { location: 'Almaty' }, { reportedOn: '2022-01-16' }]) {
      expect(changesCheckedParts(stored, { ...stored, ...change }), JSON.stringify(change)).toBe(true);
    }
  });
});
