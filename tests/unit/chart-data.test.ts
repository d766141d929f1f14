import { describe, expect, it } from 'vitest';
import { CHART_LIMITS } from '@/lib/chart-data';
import { CARDS_PER_METRIC, chartInputFromFigures, chartsFor, dashboardFromFigures } from '@/lib/event-dashboard-model';
import type { FigureWithContext } from '@/db/queries/figures';
import type { Event } from '@/db/schema';
import { makeFigure } from '../helpers/figures';

const event: Event = { id: 1, slug: 'e', name: 'E', country: 'Kazakhstan', startDate: '2022-01-01', endDate: null, description: '', createdAt: '', updatedAt: '' };

/** The page's charts for these figures, deaths picked for the breakdown and the timeline. */
const chartsOf = (figures: FigureWithContext[]) => chartsFor(dashboardFromFigures(event, figures), { breakdown: 'deaths', timeline: 'deaths' }, chartInputFromFigures(figures));

describe('chart data', () => {
  it('draws a single number from zero and a range from low to high, and leaves unknowns to the table', () => {
    const b = chartsOf([
      makeFigure({ valueBest: 230 }),
      makeFigure({ group: 'civilians', valueLow: 225, valueBest: null, valueHigh: 238 }),
      makeFigure({ group: 'police', qualifier: 'unknown', valueBest: null }),
    ]).breakdown;
    expect(b.rows.map((r) => r.wording)).toEqual(['230', '225–238', 'being determined']);
    expect(b.spec.bars.map((x) => [x.label, x.low, x.high])).toEqual([
      ['Kazakhstan', 0, 230],
      ['civilians, Kazakhstan', 225, 238],
    ]);
  });

  it('marks a timeline point whose number is a bound with the side the true figure lies on', () => {
    const t = chartsOf([
      makeFigure({ valueBest: 7939, reportedOn: '2022-01-10' }),
      makeFigure({ qualifier: 'at_most', valueBest: 9900, reportedOn: '2023-01-10', sourceId: 2 }),
      makeFigure({ group: 'police', qualifier: 'more_than', valueBest: 100, reportedOn: '2022-01-10' }),
      makeFigure({ group: 'civilians', qualifier: 'at_least', valueBest: 5, reportedOn: '2022-01-10' }),
      makeFigure({ group: 'troops', qualifier: 'about', valueBest: 50, reportedOn: '2022-01-10' }),
    ]).timeline;
    const bounds = Object.fromEntries(t.spec.series.flatMap((s) => s.points.map((p) => [`${s.label} ${p.wording}`, p.bound])));
    expect(bounds).toEqual({
      'Kazakhstan 7,939': null, 'Kazakhstan up to 9,900': 'below', 'police, Kazakhstan more than 100': 'above',
      'civilians, Kazakhstan at least 5': 'above', 'troops, Kazakhstan about 50': null,
    });
  });

  it('places a range given without a best number in its middle, marked as such, and one with a best number at it', () => {
    const t = chartsOf([
      makeFigure({ valueLow: 225, valueBest: null, valueHigh: 238, reportedOn: '2022-01-10' }),
      makeFigure({ valueLow: 225, valueBest: 230, valueHigh: 238, reportedOn: '2022-01-11', sourceId: 2 }),
    ]).timeline;
    expect(t.spec.series[0]!.points.map((p) => [p.value, p.midpoint, p.low, p.high])).toEqual([[232, true, 225, 238], [230, false, 225, 238]]);
  });

  it('marks a bar whose number is a bound with the side the true figure lies on', () => {
    const { breakdown } = chartsOf([
      makeFigure({ valueBest: 230 }),
      makeFigure({ group: 'detained', qualifier: 'at_most', valueBest: 9900 }),
      makeFigure({ group: 'police', qualifier: 'more_than', valueBest: 1300 }),
      makeFigure({ group: 'troops', qualifier: 'about', valueBest: 50 }),
    ]);
    expect(Object.fromEntries(breakdown.spec.bars.map((b) => [b.wording, b.bound]))).toEqual({ '230': null, 'up to 9,900': 'below', 'more than 1,300': 'above', 'about 50': null });
  });

  it('never puts two units on one axis', () => {
    const { comparisons } = chartsOf([makeFigure({ valueBest: 5 }), makeFigure({ metricKey: 'damage', unit: 'KZT', valueBest: 9e9 })]);
    expect(comparisons.map((c) => [c.unit, c.spec.bars.length])).toEqual([
      ['people', 1],
      ['KZT', 1],
    ]);
  });

  it('puts the whole country first in the breakdown, as the cards do, then the largest first', () => {
    const b = chartsOf([
      makeFigure({ location: 'Almaty', valueBest: 139 }),
      makeFigure({ valueBest: 230 }),
      makeFigure({ group: 'civilians', valueBest: 20 }),
      makeFigure({ group: 'law enforcement', valueBest: 19 }),
      makeFigure({ location: 'Aktobe', valueBest: 300 }),
    ]).breakdown;
    expect(b.rows.map((r) => `${r.label} ${r.wording}`)).toEqual(['Kazakhstan 230', 'Aktobe 300', 'Almaty 139', 'civilians, Kazakhstan 20', 'law enforcement, Kazakhstan 19']);
  });

  it('past its limit, the breakdown shows the largest figures and counts the rest', () => {
    const many = Array.from({ length: CHART_LIMITS.breakdownBars + 5 }, (_, i) => makeFigure({ location: `Place ${i}`, valueBest: i * 10 }));
    const b = chartsOf(many).breakdown;
    expect(b.rows).toHaveLength(CHART_LIMITS.breakdownBars);
    expect(b.omitted).toBe(5);
    expect(b.rows[0]!.figure.valueBest).toBe((CHART_LIMITS.breakdownBars + 4) * 10);
    expect(b.rows.some((r) => r.figure.valueBest === 0)).toBe(false);
  });

  it('gives each timeline line its colour and shape by when it was first entered, so a place entered later changes no other line', () => {
    const figures = [
      makeFigure({ id: 10, valueBest: 164 }),
      makeFigure({ id: 11, location: 'Taldykorgan', valueBest: 5 }),
      makeFigure({ id: 12, group: 'civilians', valueBest: 20 }),
    ];
    const tones = (list: FigureWithContext[]) => Object.fromEntries(chartsOf(list).timeline.spec.series.map((s) => [s.label, s.tone]));
    const before = tones(figures);
    expect(before).toEqual({ Kazakhstan: 0, Taldykorgan: 1, 'civilians, Kazakhstan': 2 });
    // Almaty sorts first in the list, but is entered last: it takes the next tone, and every other line keeps its own.
    const after = tones([...figures, makeFigure({ id: 13, location: 'Almaty', valueBest: 139 }), makeFigure({ id: 14, valueBest: 225, reportedOn: '2022-01-15', sourceId: 2 })]);
    expect(Object.keys(after)).toEqual(['Almaty', 'Kazakhstan', 'Taldykorgan', 'civilians, Kazakhstan']);
    expect(after).toEqual({ ...before, Almaty: 3 });
    // A line whose reports give no number is not drawn and takes no tone.
    const unknown = makeFigure({ id: 9, location: 'Aktobe', qualifier: 'unknown', valueBest: null });
    expect(tones([unknown, ...figures])).toEqual(before);
    // When it gets a number, it takes the next tone: the other lines keep theirs.
    const numbered = tones([unknown, ...figures, makeFigure({ id: 15, location: 'Aktobe', valueBest: 3 })]);
    expect(numbered).toEqual({ ...before, Aktobe: 3 });
  });

  it('past its limit, the timeline keeps the whole count and the most reported series', () => {
    const figures = [makeFigure({ valueBest: 1, reportedOn: '2022-01-01' })];
    for (let i = 0; i < CHART_LIMITS.timelineLines + 3; i++) {
      for (let r = 0; r <= i; r++) figures.push(makeFigure({ group: `g${i}`, valueBest: r + 1, reportedOn: `2022-01-${String(r + 1).padStart(2, '0')}` }));
    }
    const t = chartsOf(figures).timeline;
    expect(t.spec.series.map((s) => s.label)[0]).toBe('Kazakhstan');
    expect(t.spec.series).toHaveLength(CHART_LIMITS.timelineLines);
    expect(t.spec.series[1]!.label).toBe(`g${CHART_LIMITS.timelineLines + 2}, Kazakhstan`);
    expect(t.omitted).toBe(4);
  });

  it('caps the cards per metric, whole count first', () => {
    const figures = Array.from({ length: CARDS_PER_METRIC + 3 }, (_, i) => makeFigure({ group: i === 0 ? 'all' : `group ${String(i).padStart(2, '0')}` }));
    const d = dashboardFromFigures(event, figures);
    expect(d.cards[0]!.cards).toHaveLength(CARDS_PER_METRIC);
    expect(d.cards[0]!.cards[0]!.primary).toBe(true);
    expect(d.cards[0]!.omitted).toBe(3);
  });

  it('past the cap, gives the cards to the most reported counts, shown in page order', () => {
    // "group 01"–"group 06" are reported once; "group 07" and "group 08" three times each.
    const figures = Array.from({ length: CARDS_PER_METRIC + 3 }, (_, i) => makeFigure({ group: i === 0 ? 'all' : `group ${String(i).padStart(2, '0')}` }));
    for (const group of ['group 07', 'group 08']) {
      for (const day of ['2022-01-11', '2022-01-12']) figures.push(makeFigure({ group, reportedOn: day, sourceId: 2 }));
    }
    const shown = dashboardFromFigures(event, figures).cards[0]!.cards.map((c) => c.series.group);
    expect(shown).toEqual(['all', 'group 01', 'group 02', 'group 03', 'group 07', 'group 08']);
  });
});

describe('source numbers', () => {
  it('go first to the cards’ sources in card order, then to the other sources by their earliest report', () => {
    const figures = [
      // The deaths card cites source 5; source 3 is cited only by a superseded report, source 9
      // only by an injuries report that was reported earlier than source 3's.
      makeFigure({ sourceId: 3, valueBest: 1, reportedOn: '2022-01-05' }),
      makeFigure({ sourceId: 5, valueBest: 2, reportedOn: '2022-01-09' }),
      makeFigure({ metricKey: 'injured', sourceId: 9, valueBest: 4, reportedOn: '2022-01-02', status: 'retracted', retractionReason: 'typo' }),
      makeFigure({ metricKey: 'injured', sourceId: 7, valueBest: 5, reportedOn: '2022-01-10' }),
    ];
    const d = dashboardFromFigures(event, figures);
    expect(d.sources.map((s) => [s.id, s.number])).toEqual([
      [5, 1],
      [7, 2],
      [9, 3],
      [3, 4],
    ]);
    expect(d.citationOf).toEqual({ 5: 1, 7: 2, 9: 3, 3: 4 });
  });
});
