import { describe, expect, it } from 'vitest';
import { linkNotices } from '@/lib/link-notices';
import { readDashboardLink } from '@/lib/url-state';

const choices = { metrics: ['deaths', 'injured', 'economic_damage'], units: ['people', 'KZT'], reportPages: 3 };
const defaults = { metric: 'deaths', unit: 'people' };
const LABELS: Record<string, string> = { deaths: 'Deaths', injured: 'Injured', economic_damage: 'Economic damage' };
const notices = (params: Record<string, string | string[]>) => linkNotices(readDashboardLink(params, choices, defaults).problems, (k) => LABELS[k] ?? k);

describe('what the event page says of a link it cannot follow in full', () => {
  it('says nothing of a link it follows, nor of empty values', () => {
    for (const params of [{}, { breakdown: 'injured', timeline: 'economic_damage', compare: 'KZT', compare_view: 'table', reports_page: '3' }, { breakdown: '', reports_page: '' }, { utm_source: 'newsletter' }]) {
      expect(readDashboardLink(params, choices, defaults).problems).toEqual([]);
    }
  });

  it('names a metric the event does not have, and the one shown instead', () => {
    const { state, problems } = readDashboardLink({ breakdown: 'nosuchmetric' }, choices, defaults);
    expect(state.breakdown).toBe('deaths');
    expect(problems).toEqual([{ kind: 'metric', chart: 'breakdown', given: 'nosuchmetric', shown: 'deaths' }]);
    expect(notices({ breakdown: 'nosuchmetric', timeline: 'nosuch' })).toEqual({
      charts: [
        'This link asked for the breakdown of the metric "nosuchmetric", which this event does not have; it shows Deaths instead.',
        'This link asked for the timeline of the metric "nosuch", which this event does not have; it shows Deaths instead.',
      ],
      reports: [],
    });
  });

  it('reads a metric, unit or view typed in another letter case as the one it names, with no notice', () => {
    const { state, problems } = readDashboardLink({ timeline: 'Injured', breakdown_view: 'TABLE', compare: 'kzt' }, choices, defaults);
    expect(problems).toEqual([]);
    expect(state).toMatchObject({ timeline: 'injured', breakdownView: 'table', compare: 'KZT' });
  });

  it('names an unknown unit, a view that is neither chart nor table, and a repeated parameter, in the order of the charts', () => {
    const { state } = readDashboardLink({ compare: 'XYZ', timeline_view: 'pie', breakdown: ['injured', 'deaths'] }, choices, defaults);
    expect(state).toMatchObject({ compare: 'people', timelineView: 'chart', breakdown: 'injured' });
    expect(notices({ timeline_view: 'pie', breakdown: ['injured', 'deaths', 'x'], compare: 'XYZ', compare_view: ['table', 'table'] }).charts).toEqual([
      'This link asked for the headline figures in "XYZ", a unit this event has no figures in; they are shown in people instead.',
      'This link gave compare_view twice; only the first, "table", is read.',
      'This link gave breakdown 3 times; only the first, "injured", is read.',
      'This link asked to show the timeline as "pie", which is neither chart nor table; it is shown as it is by default.',
    ]);
  });

  it('says apart, for All reports, a page that is no page number and one past the end', () => {
    expect(readDashboardLink({ reports_page: '2abc' }, choices, defaults).state.reportsPage).toBe(1);
    expect(notices({ reports_page: '2abc' })).toEqual({ charts: [], reports: ['This link asked for page "2abc" of All reports, which is not a page number; the first page is shown.'] });
    expect(notices({ reports_page: '0' }).reports).toEqual(['This link asked for page "0" of All reports, which is not a page number; the first page is shown.']);
    expect(readDashboardLink({ reports_page: '1200' }, choices, defaults).state.reportsPage).toBe(3);
    expect(notices({ reports_page: '1200' }).reports).toEqual(['This link asked for page 1,200 of All reports, which has 3 pages; the last is shown.']);
    expect(linkNotices(readDashboardLink({ reports_page: '9' }, { ...choices, reportPages: 1 }, defaults).problems, String).reports).toEqual([
      'This link asked for page 9 of All reports, which has only one page, which is shown.',
    ]);
    expect(notices({ reports_page: ['2', '3'] }).reports).toEqual(['This link gave reports_page twice; only the first, "2", is read.']);
    // The first refused: both said, neither contradicting the other; an empty first is said as such.
    expect(notices({ breakdown: ['nosuch', 'deaths'] }).charts).toEqual([
      'This link gave breakdown twice; only the first, "nosuch", is read.',
      'This link asked for the breakdown of the metric "nosuch", which this event does not have; it shows Deaths instead.',
    ]);
    expect(notices({ breakdown: ['', 'injured'] }).charts).toEqual(['This link gave breakdown twice; only the first, which is empty, is read.']);
  });

  it('quotes what the link gave shortened, and with control characters made harmless', () => {
    expect(notices({ breakdown: `<script>\u001b${'x'.repeat(50)}` }).charts).toEqual([
      `This link asked for the breakdown of the metric "<script>\ufffd${'x'.repeat(31)}…", which this event does not have; it shows Deaths instead.`,
    ]);
  });
});
