import fc from 'fast-check';
import Papa from 'papaparse';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChartTable } from '@/app/ui/chart-table';
import { CiteThisPage } from '@/app/ui/cite-this-page';
import { FigureTable } from '@/app/ui/figure-table';
import { headlineCardHtml } from '@/app/ui/headline-card';
import { RawHtml } from '@/app/ui/raw-html';
import { PublicHistory } from '@/app/ui/public-history';
import { SeriesReports } from '@/app/ui/series-reports';
import { SourcesList } from '@/app/ui/sources-list';
import { numberSources } from '@/lib/citations';
import { countCsvHref } from '@/lib/page-id';
import { csvCell } from '@/lib/export/csv';
import { restoreFormula } from '@/lib/export/formula';
import { makeFigure } from '../helpers/figures';
import { hostileString, propertyRuns } from '../helpers/hostile';

/** The public table, a headline card, a chart's table, source list, a figure's reports, history and citation for one figure whose every text field is `s`. */
function renderHostile(s: string): string {
  const figure = makeFigure({
    group: s, location: s, unit: s, quote: s, note: s, status: 'retracted', retractionReason: s,
    source: { id: 1, reportingBody: s, publisher: s, title: s, url: s, publishedOn: '2022-01-10', createdAt: '', updatedAt: '' },
  });
  const { sources } = numberSources([{ source: figure.source, quote: figure.quote, backLink: { anchor: 'card-1', label: s } }]);
  const history = [
    { id: 2, at: '2026-11-26T10:00:00.000Z', userId: null, actor: s, action: 'update' as const, entityType: 'figure' as const, entityId: figure.id, before: { ...figure, note: `${s}!`, sourceId: 2 }, after: figure, reason: s, confirmedWarning: s },
    { id: 1, at: '2026-11-25T10:00:00.000Z', userId: null, actor: s, action: 'create' as const, entityType: 'figure' as const, entityId: figure.id, before: null, after: figure, reason: null, confirmedWarning: null },
  ];
  // A card whose series, group and place are the string too, with a spread of reports and a change.
  const series = {
    key: s, metricId: 1, metricKey: s, metricLabel: s, group: s, location: s, reportCount: 3, retractedCount: 1, numericCount: 2, headlineId: figure.id, headlineSize: 1,
    range: { low: 1, high: 5, lowQualifier: 'exact' as const, highQualifier: 'exact' as const, reports: 2, sources: 2 },
  };
  const card = headlineCardHtml({ anchor: 'figure-1', series, headline: { ...figure, status: 'published', revision: 2 }, primary: true }, 1, { was: { qualifier: 'exact', valueLow: null, valueBest: 3, valueHigh: null, unit: s }, action: 'update', wasLatest: true });
  const names = { eventId: new Map(), metricId: new Map(), sourceId: new Map([[2, s]]) };
  return renderToStaticMarkup(
    createElement(
      'div',
      null,
      createElement(FigureTable, { figures: [figure], caption: s, citationOf: { 1: 1 }, latestIds: new Set([figure.id]) }),
      createElement(RawHtml, { html: card }),
      createElement(ChartTable, { rows: [{ label: s, figure, wording: s, status: s }], caption: s, labelHeader: s, citationOf: { 1: 1 } }),
      createElement(SourcesList, { sources, fullTexts: new Set([1]) }),
      createElement(SeriesReports, { rows: [{ report: figure, status: 'retracted' }, { report: { ...figure, id: 2 }, status: 'superseded' }], first: 1, total: 3, current: figure.id, caption: s, csvHref: countCsvHref({ event: 'e', metric: 'deaths', group: s, location: s }) }),
      createElement(PublicHistory, { page: { figure, history, names } }),
      createElement(CiteThisPage, { title: s, detail: s, url: 'https://example.org/figures/1', accessed: '2026-11-27', lastUpdated: '2026-11-26T10:00:00.000Z' }),
    ),
  );
}

const TAG = /<([a-zA-Z][a-zA-Z0-9]*)/g;
// Every element the components render themselves; anything else came from the data.
const OWN_TAGS = new Set([
  'div', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'time', 'a', 'cite', 'blockquote', 'section', 'h2', 'ol', 'li', 'sup',
  'p', 'strong', 'article', 'h3', 'h4', 'del', 'ins', 'pre', 'details', 'summary',
]);

describe('stored text on the public page', () => {
  it('is shown as text: no element, attribute or link comes from the data', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const html = renderHostile(s);
        expect(html).not.toMatch(/<script|<img|<svg|<iframe/i);
        for (const [, tag] of html.matchAll(TAG)) expect(OWN_TAGS).toContain(tag!.toLowerCase());
        // Attributes of the elements themselves carry no event handlers.
        for (const [element] of html.matchAll(/<[a-zA-Z][^>]*>/g)) expect(element).not.toMatch(/\son[a-z]+=/i);
        // The only links out are http(s) addresses; the rest point within the page, to a
        // source's page (its full text, its figures) or a figure's page by its numeric id, or to the download, or are
        // the RIS file of "Cite this page": of its one fixed type, every character of the data
        // percent-encoded (encodeURIComponent's alphabet; React writes its ' as &#x27;), so nothing in
        // it can end the address.
        for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(https?:\/\/|#|\/sources\/\d+(#full-text|#figures-title)?$|\/figures\/\d+$|\/api\/figures\.csv\?event=e&amp;metric=deaths&amp;group=[^"&<>]*&amp;location=[^"&<>]*&amp;status=all$|data:application\/x-research-info-systems;charset=utf-8,(?:[A-Za-z0-9%._~!*()-]|&#x27;)*$)/i);
        // Who made a change is said by its kind, whatever the actor was written as.
        expect(html).toContain('Changed by an editor');
      }),
      propertyRuns(300),
    );
  });

  it('markup in a note is escaped, and shown as the characters typed', () => {
    const html = renderHostile('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(html).toContain('Note: &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('a text cell of the CSV export', () => {
  it('never starts with a formula character, and the import gives back the text exactly', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.string({ unit: 'binary' })), (s) => {
        // Read by an independent parser, behind another cell (a BOM is only stripped at the start).
        const [[, cell]] = Papa.parse<string[]>(`start,${csvCell('note', s)},end`, { delimiter: ',' }).data as [[string, string, string]];
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(restoreFormula(cell)).toBe(s);
      }),
      propertyRuns(300),
    );
  });

  it('numbers are written as digits, never prefixed', () => {
    fc.assert(fc.property(fc.nat(), (n) => {
      expect(csvCell('value_best', n)).toBe(String(n));
    }), propertyRuns(100));
  });
});
