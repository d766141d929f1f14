import { describe, expect, it } from 'vitest';
import { DESCRIBED_POINTS, describeChart } from '@/lib/chart-description';
import { numberSources, sourceLine, wordedCitation } from '@/lib/citations';
import { dashboardHref, readDashboardLink } from '@/lib/url-state';

const readDashboardState = (...args: Parameters<typeof readDashboardLink>) => readDashboardLink(...args).state;
import { makeFigure } from '../helpers/figures';

describe('numberSources', () => {
  it('numbers each source once, in the order the page cites them, with quotes and back links', () => {
    const a = makeFigure({ sourceId: 7, quote: 'Sixteen were killed.' });
    const b = makeFigure({ sourceId: 3 });
    const c = makeFigure({ sourceId: 7, quote: 'Sixteen were killed.' });
    const back = { anchor: 'figure-a', label: 'Deaths' };
    const { sources, numberOf } = numberSources([
      { source: a.source, quote: a.quote, backLink: back },
      { source: b.source, quote: b.quote },
      { source: c.source, quote: c.quote },
      { source: a.source, quote: a.quote, backLink: back },
    ]);
    expect(sources.map((s) => [s.id, s.number, s.quotes, s.citedBy.map((x) => x.anchor)])).toEqual([
      [7, 1, ['Sixteen were killed.'], ['figure-a']],
      [3, 2, [], []],
    ]);
    expect(numberOf(3)).toBe(2);
  });
  it('names the publishers of a chart once each', () => {
    expect(sourceLine([makeFigure({ sourceId: 1 }), makeFigure({ sourceId: 2 }), makeFigure({ sourceId: 1 })])).toBe('Publisher 1 and Publisher 2');
    expect(sourceLine([])).toBe('');
  });
});

describe('wordedCitation', () => {
  it('words the date a chart citation ends with as the page does, and leaves the rest as it is', () => {
    expect(wordedCitation('[1] Kazinform, 2022-01-09')).toBe('[1] Kazinform, 9 January 2022');
    expect(wordedCitation('[12] Ministry, 2022-01-05 briefing, 2022-01-05')).toBe('[12] Ministry, 2022-01-05 briefing, 5 January 2022');
    expect(wordedCitation('[?] Unnumbered')).toBe('[?] Unnumbered');
  });
});

describe('dashboard URL state', () => {
  const choices = { metrics: ['deaths', 'injured'], units: ['people', 'KZT'] };
  const defaults = { metric: 'deaths', unit: 'people' };
  it('reads valid choices and falls back to defaults for anything else', () => {
    expect(readDashboardState({ timeline: 'injured', timeline_view: 'table', compare: 'KZT', reports_page: '2' }, choices, defaults)).toEqual({
      compare: 'KZT', compareView: 'chart', breakdown: 'deaths', breakdownView: 'chart', timeline: 'injured', timelineView: 'table', reportsPage: 2,
    });
    expect(readDashboardState({ timeline: '<script>', compare_view: 'pie', reports_page: '-3' }, choices, defaults)).toMatchObject({
      timeline: 'deaths', compareView: 'chart', reportsPage: 1,
    });
    expect(readDashboardState({ reports_page: 'abc' }, choices, defaults).reportsPage).toBe(1);
    // Past the end, however far: the page shows its last (a walkthrough's 20 digits showed the first).
    expect(readDashboardState({ reports_page: '99999999999999999999' }, choices, defaults).reportsPage).toBe(Number.MAX_SAFE_INTEGER);
    expect(readDashboardState({ reports_page: '9'.repeat(400) }, choices, defaults).reportsPage).toBe(Number.MAX_SAFE_INTEGER);
  });
  it('writes only what differs from the defaults, so a copied link is short and reopens the view', () => {
    const state = readDashboardState({}, choices, defaults);
    expect(dashboardHref(state, {}, defaults)).toBe('?');
    const href = dashboardHref(state, { timeline: 'injured', timelineView: 'table' }, defaults, '#timeline');
    expect(href).toBe('?timeline=injured&timeline_view=table#timeline');
    const params = Object.fromEntries(new URLSearchParams(href.slice(1, href.indexOf('#'))));
    expect(readDashboardState(params, choices, defaults)).toMatchObject({ timeline: 'injured', timelineView: 'table' });
  });
});

describe('describeChart', () => {
  it('words a bar chart and a timeline', () => {
    expect(describeChart({ kind: 'bar', id: 'compare', title: 'Headline figures compared, in people', unit: 'people', bars: [{ label: 'Deaths', low: 0, high: 230, bound: null, wording: '230', citation: '[1]' }] })).toBe(
      'Bar chart, Headline figures compared, in people (people): Deaths 230.',
    );
    expect(
      describeChart({
        kind: 'timeline', id: 'timeline', title: 'Deaths as reported over time', unit: 'people',
        series: [{ label: 'Kazakhstan', tone: 0, points: [
          { date: '2022-01-09', value: 164, low: null, high: null, status: 'superseded', bound: null, midpoint: false, wording: '164', citation: '' },
          { date: '2022-03-14', value: 230, low: null, high: null, status: 'headline', bound: null, midpoint: false, wording: '230', citation: '' },
        ] }],
      }),
    ).toBe('Timeline, Deaths as reported over time (people), by date reported. Kazakhstan: 164 on 9 January 2022 (superseded), then 230 on 14 March 2022.');
  });

  it('says how many reports give no number, which the timeline cannot draw', () => {
    const series = [{ label: 'Kazakhstan', tone: 0, points: [{ date: '2022-01-09', value: 164, low: null, high: null, status: 'headline' as const, bound: null, midpoint: false, wording: '164', citation: '' }] }];
    expect(describeChart({ kind: 'timeline', id: 'timeline', title: 'Deaths', unit: 'people', series, unnumbered: 1 })).toBe(
      'Timeline, Deaths (people), by date reported. Kazakhstan: 164 on 9 January 2022. One report gives no number (being determined); it is in the table, not drawn.',
    );
    // Every report without a number: nothing to draw, said so (not an empty list of lines).
    expect(describeChart({ kind: 'timeline', id: 'timeline', title: 'Deaths', unit: 'people', series: [], unnumbered: 2 })).toBe(
      'Timeline, Deaths (people), by date reported. No report gives a number to draw. 2 reports give no number (being determined); they are in the table, not drawn.',
    );
    expect(describeChart({ kind: 'timeline', id: 'timeline', title: 'Deaths', unit: 'people', series, unnumbered: 3 })).toContain(' 3 reports give no number (being determined); they are in the table, not drawn.');
  });
});

describe('describeChart for a long timeline', () => {
  const point = (i: number, status: 'headline' | 'superseded') => ({ date: `2022-01-${String(i + 1).padStart(2, '0')}`, value: i, low: null, high: null, status, bound: null, midpoint: false, wording: `${i * 10}`, citation: '' });
  const line = (label: string, n: number) => ({ label, tone: 0, points: Array.from({ length: n }, (_, i) => point(i, i === n - 1 ? 'headline' : 'superseded')) });

  it('reads out every report up to DESCRIBED_POINTS', () => {
    const text = describeChart({ kind: 'timeline', id: 'timeline', title: 'Deaths', unit: 'people', series: [line('A', DESCRIBED_POINTS - 1), line('B', 1)] });
    expect(text.match(/ on \d+ January 2022/g)).toHaveLength(DESCRIBED_POINTS);
  });

  it('past that, words each line by its first and latest report and points to the table', () => {
    expect(describeChart({ kind: 'timeline', id: 'timeline', title: 'Deaths', unit: 'people', series: [line('A', 20), line('B', 1), line('C', 10)], unnumbered: 2 })).toBe(
      'Timeline, Deaths (people), by date reported. A: 20 reports, from 0 on 1 January 2022 to 190 on 20 January 2022. B: 0 on 1 January 2022. ' +
        'C: 10 reports, from 0 on 1 January 2022 to 90 on 10 January 2022. 2 reports give no number (being determined); they are in the table, not drawn. The table lists every report.',
    );
  });
});
