import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bibtexCitation, bibtexKey, plainCitation, risCitation, texEscape, type PageCitation } from '@/lib/page-citation';

const figure: PageCitation = {
  title: 'Deaths, Kazakhstan: 230 people, reported by Prosecutor General Berik Asylov (Mazhilis plenary) on 14 March 2022; January 2022 unrest in Kazakhstan',
  detail: 'figure 32, revision 1',
  url: 'https://example.org/figures/32',
  accessed: '2026-11-27',
  lastUpdated: '2026-11-26T10:00:00.000Z',
};

/** Whether every brace is closed and none closes early, counting every one as BibTeX does (`\{` too). */
function balanced(tex: string): boolean {
  let depth = 0;
  for (const c of tex) {
    if (c === '{') depth++;
    if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('the citation of a page', () => {
  it('reads as title, site, detail, address, last update and access date', () => {
    expect(plainCitation(figure)).toBe(
      '“Deaths, Kazakhstan: 230 people, reported by Prosecutor General Berik Asylov (Mazhilis plenary) on 14 March 2022; January 2022 unrest in Kazakhstan.” Casualty and damage statistics, figure 32, revision 1. https://example.org/figures/32. Data last updated 26 November 2026. Accessed 27 November 2026.',
    );
    expect(plainCitation({ ...figure, title: 'January 2022 unrest in Kazakhstan', detail: undefined, url: 'https://example.org/events/kz' })).toBe(
      '“January 2022 unrest in Kazakhstan.” Casualty and damage statistics. https://example.org/events/kz. Data last updated 26 November 2026. Accessed 27 November 2026.',
    );
  });

  it('is a BibTeX @misc entry with the site as corporate author, the title kept as written, the address and both dates', () => {
    expect(bibtexCitation({ ...figure, title: 'Убитые & раненые: 100% (#1) {Алматы}' })).toBe(
      [
        '@misc{cds-figures-32,',
        '  author = {{Casualty and damage statistics}},',
        '  title = {{Убитые \\& раненые: 100\\% (\\#1) \\textbraceleft{}Алматы\\textbraceright{}}},',
        '  year = {2026},',
        '  url = {https://example.org/figures/32},',
        '  urldate = {2026-11-27},',
        '  note = {figure 32, revision 1. Data last updated 26 November 2026. Accessed 27 November 2026.}',
        '}',
      ].join('\n'),
    );
  });

  it('escapes every character LaTeX treats specially, and folds line breaks', () => {
    expect(texEscape('a\\b{c}d&e%f$g#h_i~j^k')).toBe('a\\textbackslash{}b\\textbraceleft{}c\\textbraceright{}d\\&e\\%f\\$g\\#h\\_i\\textasciitilde{}j\\textasciicircum{}k');
    // A lone brace of the data (a place written "{Almaty") leaves none for BibTeX to count.
    expect(texEscape('Deaths {Almaty')).toBe('Deaths \\textbraceleft{}Almaty');
    expect(texEscape('two\nlines\r\n here')).toBe('two lines here');
  });

  it('is an RIS record of an electronic source, by the site as a corporate author, with both dates, in CRLF lines', () => {
    expect(risCitation(figure)).toBe(
      [
        'TY  - ELEC',
        'AU  - Casualty and damage statistics,',
        'TI  - Deaths, Kazakhstan: 230 people, reported by Prosecutor General Berik Asylov (Mazhilis plenary) on 14 March 2022; January 2022 unrest in Kazakhstan',
        'T2  - Casualty and damage statistics',
        'PY  - 2026',
        'DA  - 2026/11/26',
        'Y2  - 2026/11/27',
        'UR  - https://example.org/figures/32',
        'N1  - figure 32, revision 1. Data last updated 26 November 2026. Accessed 27 November 2026.',
        'ER  - ',
        '',
      ].join('\r\n'),
    );
  });

  it('gives half a character in the data as U+FFFD in the RIS record, so the record always encodes', () => {
    const ris = risCitation({ ...figure, title: 'Deaths \ud83d in Almaty \ude00' });
    expect(ris).toContain('TI  - Deaths \ufffd in Almaty \ufffd\r\n');
    expect(() => encodeURIComponent(ris)).not.toThrow();
  });

  it('keeps every RIS value on its line, whatever the data holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (title) => {
        const lines = risCitation({ ...figure, title }).split('\r\n');
        // Ten tags, each on one line of its own, and the empty end after the last CRLF.
        expect(lines).toHaveLength(11);
        expect(lines.slice(0, 10).map((l) => l.slice(0, 6))).toEqual(['TY  - ', 'AU  - ', 'TI  - ', 'T2  - ', 'PY  - ', 'DA  - ', 'Y2  - ', 'UR  - ', 'N1  - ', 'ER  - ']);
        for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
        // Always encodable: encodeURIComponent throws on half a character.
        expect(() => encodeURIComponent(lines.join(''))).not.toThrow();
      }),
    );
  });

  it('keys the entry by the page’s path, in letters, digits and hyphens', () => {
    expect(bibtexKey('https://example.org/figures/32')).toBe('cds-figures-32');
    expect(bibtexKey('http://localhost:3000/events/Kazakhstan_2022-unrest')).toBe('cds-events-kazakhstan-2022-unrest');
    expect(bibtexKey('https://example.org/')).toBe('cds');
    expect(bibtexKey('/events/x')).toBe('cds-events-x');
  });

  it('cannot be broken out of by any title or detail: every field’s braces balance, and the entry keeps its six fields', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (title, detail) => {
        const entry = bibtexCitation({ ...figure, title, detail });
        expect(balanced(entry)).toBe(true);
        const lines = entry.split('\n');
        expect(lines).toHaveLength(8);
        expect(lines.slice(1, 7).map((l) => l.match(/^ {2}(\w+) = \{/)?.[1])).toEqual(['author', 'title', 'year', 'url', 'urldate', 'note']);
        for (const line of lines.slice(1, 7)) expect(balanced(line.replace(/^ {2}\w+ = /, '').replace(/,$/, ''))).toBe(true);
      }),
    );
  });

  it('keeps braces and spaces out of the address', () => {
    expect(bibtexCitation({ ...figure, url: 'https://example.org/a b/{x}' })).toContain('url = {https://example.org/a%20b/%7Bx%7D}');
  });
});
