import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SourcesList } from '@/app/ui/sources-list';
import { numberSources, type Citation } from '@/lib/citations';

// Ids unlike the numbers the list gives (1, 2, 3 in the order met): the two must not be confused.
const source = (id: number) => ({ id, reportingBody: `Body ${id}`, publisher: `Publisher ${id}`, title: `Report ${id}`, url: '', publishedOn: '2022-01-10', createdAt: '', updatedAt: '' });
const render = (citations: Citation[]) => renderToStaticMarkup(createElement(SourcesList, { sources: numberSources(citations).sources, fullTexts: new Set<number>() }));
const WHY = 'A source no card above cites gave an earlier or a retracted report';
const count = (text: string, part: string) => text.split(part).length - 1;

describe('SourcesList', () => {
  it('says once, above the list, why a source no card cites is listed, and under each such source only where its figures are', () => {
    const text = render([{ source: source(11), backLink: { anchor: 'figure-7', label: 'Deaths, Kazakhstan' } }, { source: source(12) }, { source: source(13) }]);
    expect(count(text, WHY)).toBe(1);
    expect(text.indexOf(WHY)).toBeLessThan(text.indexOf('<ol'));
    // Each link's name says whose figures (read out of context, in a list of the page's links).
    expect(count(text, 'No card above cites it: see <a href="/sources/12#figures-title">the figures taken from it<span class="visually-hidden"> (source 2)</span></a>')).toBe(1);
    expect(count(text, 'No card above cites it: see <a href="/sources/13#figures-title">the figures taken from it<span class="visually-hidden"> (source 3)</span></a>')).toBe(1);
    // Its id in the data, linked to its page: the page's [1] is not source_id 1.
    expect(text).toContain('<li id="source-2" value="2"><div><span>Publisher 12: </span>');
    expect(text).toContain('<a href="/sources/12">source_id 12</a>');
    expect(text).not.toContain('source_id 2<');
    expect(text).toContain('Cited on the cards for: <span><a href="#figure-7">Deaths, Kazakhstan</a></span>');
  });

  it('has no such note when every source is cited by a card', () => {
    const text = render([{ source: source(1), backLink: { anchor: 'figure-7', label: 'Deaths, Kazakhstan' } }]);
    expect(text).not.toContain(WHY);
    expect(text).not.toContain('No card above cites it');
  });
});
