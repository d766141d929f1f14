import { describe, expect, it } from 'vitest';
import {
  CREDIT_LIMITS,
  chartAddress,
  creditLayout,
  distinctSources,
  localIsoDate,
  pngFileName,
  slugify,
  sourceLines,
  wrapText,
  type CreditInput,
} from '@/app/ui/charts/png-credit';

/** One unit per character: widths are lengths, so wrapping is easy to read. */
const chars = (text: string) => [...text].length;

const input: CreditInput = {
  title: 'Deaths as reported over time',
  subtitles: ['In people, by date reported: filled dots are the latest figures, hollow dots superseded reports.', 'In people, by date reported.'],
  citations: ['[2] Interfax, 2022-01-15', '[1] Kazinform, 2022-01-09', '[2] Interfax, 2022-01-15', '[1] Kazinform, 2022-03-14'],
  siteName: 'Casualty and damage statistics',
  url: 'https://example.org/events/kazakhstan-2022-unrest#timeline',
  downloadedOn: '2026-11-26',
};

describe('wrapText', () => {
  it('wraps at spaces to the width', () => {
    expect(wrapText('the quick brown fox jumps over', 10, chars)).toEqual(['the quick', 'brown fox', 'jumps over']);
    expect(wrapText('  spaced   out  ', 20, chars)).toEqual(['spaced out']);
    expect(wrapText('', 20, chars)).toEqual([]);
  });

  it('breaks a word wider than a line, such as an address', () => {
    const lines = wrapText('at https://example.org/events/kazakhstan', 12, chars);
    expect(lines.every((l) => chars(l) <= 12)).toBe(true);
    expect(lines.join('')).toBe('athttps://example.org/events/kazakhstan');
  });

  it('past its lines, ends the last line kept with an ellipsis within the width', () => {
    const lines = wrapText('one two three four five six seven', 9, chars, 2);
    expect(lines).toEqual(['one two', 'three fo…']);
    expect(chars(lines[1]!)).toBeLessThanOrEqual(9);
  });

  it('uses the measure it is given, not string length', () => {
    const wide = (t: string) => t.length * (t.includes('W') ? 3 : 1);
    expect(wrapText('aa WW bb', 6, wide)).toEqual(['aa', 'WW', 'bb']);
  });
});

describe('distinctSources', () => {
  it('lists each source once, by citation number, with the dates it reported on, in order and worded as on the page', () => {
    expect(distinctSources(input.citations)).toEqual(['[1] Kazinform, 9 January 2022, 14 March 2022', '[2] Interfax, 15 January 2022']);
  });

  it('keeps a source whose name has commas, and citations of another shape as they are', () => {
    expect(distinctSources(['[10] Ministry, Health, 2022-01-02', '[3] A, 2022-02-10', '[3] A, 2022-01-09', 'unnumbered note', 'unnumbered note', ''])).toEqual([
      // By date, not by the words: 9 January before 10 February.
      '[3] A, 9 January 2022, 10 February 2022',
      '[10] Ministry, Health, 2 January 2022',
      'unnumbered note',
    ]);
  });
});

describe('sourceLines', () => {
  const many = Array.from({ length: 30 }, (_, i) => `[${i + 1}] Source number ${i + 1}, 2022-01-01`);

  it('lists every source when they fit', () => {
    expect(sourceLines(['[1] A, 2022-01-01'], 80, chars)).toEqual(['Source: [1] A, 2022-01-01.']);
    expect(sourceLines(['[1] A, 2022-01-01', '[2] B, 2022-01-02'], 80, chars)).toEqual(['Sources: [1] A, 2022-01-01; [2] B, 2022-01-02.']);
  });

  it('wraps over several lines, and past its lines shows as many as fit and how many more', () => {
    const lines = sourceLines(many, 60, chars, 4);
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => chars(l) <= 60)).toBe(true);
    const text = lines.join(' ');
    expect(text.startsWith('Sources: [1] Source number 1, 2022-01-01; [2]')).toBe(true);
    const shown = text.match(/\[\d+\]/g)!.length;
    expect(shown).toBeGreaterThan(2);
    expect(text).toMatch(new RegExp(`and ${30 - shown} more \\(listed on the page\\)\\.$`));
  });

  it('shows the most sources that fit, however many a chart cites, with few wrappings', () => {
    const thousands = Array.from({ length: 5_000 }, (_, i) => `[${i + 1}] Source number ${i + 1}, 2022-01-01`);
    let measured = 0;
    const counting = (t: string) => {
      measured++;
      return chars(t);
    };
    const lines = sourceLines(thousands, 60, counting, 4);
    expect(lines).toHaveLength(4);
    const shown = lines.join(' ').match(/\[\d+\]/g)!.length;
    // One more source would not have fitted in four lines.
    const oneMore = [...thousands.slice(0, shown + 1), `and ${5_000 - shown - 1} more (listed on the page)`].join('; ');
    expect(Math.ceil(chars(`Sources: ${oneMore}.`) / 60)).toBeGreaterThan(4);
    // Tried about log2(5,000) ≈ 13 times, not once per source.
    expect(measured).toBeLessThan(5_000 * 20);
  });

  it('says so when a chart has no sources, and still fits a very narrow width', () => {
    expect(sourceLines([], 80, chars)).toEqual(['Sources: none published.']);
    const narrow = sourceLines(many, 8, chars, 2);
    expect(narrow.length).toBeLessThanOrEqual(2);
    expect(narrow.every((l) => chars(l) <= 8)).toBe(true);
  });
});

describe('creditLayout', () => {
  it('puts the title and the first subtitle that fits above, the sources and the credit below', () => {
    const { above, below } = creditLayout(input, 200, chars);
    expect(above).toEqual([
      { text: 'Deaths as reported over time', style: 'title' },
      { text: input.subtitles![0]!, style: 'subtitle' },
    ]);
    expect(below).toEqual([
      { text: 'Sources: [1] Kazinform, 9 January 2022, 14 March 2022; [2] Interfax, 15 January 2022.', style: 'sources' },
      { text: 'Casualty and damage statistics · https://example.org/events/kazakhstan-2022-unrest#timeline · Downloaded 26 November 2026', style: 'credit' },
    ]);
  });

  it('names what the chart is of under its title, on one line, so a picture posted alone says which event it shows', () => {
    const { above } = creditLayout({ ...input, context: 'January 2022 unrest in Kazakhstan' }, 200, chars);
    expect(above.slice(0, 2)).toEqual([
      { text: 'Deaths as reported over time', style: 'title' },
      { text: 'January 2022 unrest in Kazakhstan', style: 'context' },
    ]);
    const narrow = creditLayout({ ...input, context: 'January 2022 unrest in Kazakhstan' }, 20, chars).above.filter((l) => l.style === 'context');
    expect(narrow).toHaveLength(CREDIT_LIMITS.contextLines);
    expect(narrow[0]!.text.endsWith('…')).toBe(true);
    expect(chars(narrow[0]!.text)).toBeLessThanOrEqual(20);
  });

  it('falls back to a shorter subtitle, or none, when the long one takes too many lines', () => {
    const at = (width: number) => creditLayout(input, width, chars).above.filter((l) => l.style === 'subtitle').map((l) => l.text);
    expect(at(40)).toEqual(['In people, by date reported.']);
    expect(at(12)).toEqual([]);
    expect(creditLayout({ ...input, subtitles: undefined }, 200, chars).above).toHaveLength(1);
  });

  it('keeps every line within the width and each part within its lines, measuring each style', () => {
    // Titles measured twice as wide as the rest, as a bold larger font would be.
    const measure = (text: string, style: string) => chars(text) * (style === 'title' ? 2 : 1);
    const long = { ...input, title: 'A very long chart title that will need more than two lines at this width', citations: Array.from({ length: 50 }, (_, i) => `[${i + 1}] S${i}, 2022-01-01`) };
    const { above, below } = creditLayout(long, 50, measure);
    for (const line of [...above, ...below]) expect(measure(line.text, line.style)).toBeLessThanOrEqual(50);
    const count = (style: string) => [...above, ...below].filter((l) => l.style === style).length;
    expect(count('title')).toBe(CREDIT_LIMITS.titleLines);
    expect(above.find((l) => l.style === 'title' && l.text.endsWith('…'))).toBeDefined();
    expect(count('sources')).toBe(CREDIT_LIMITS.sourceLines);
    expect(below.filter((l) => l.style === 'sources').at(-1)!.text).toMatch(/and \d+ more \(listed on the page\)\.$/);
    expect(below.filter((l) => l.style === 'credit').map((l) => l.text).join(' ')).toContain('Downloaded 26 November 2026');
  });
});

describe('chartAddress', () => {
  it('keeps only the query part that chooses what this chart shows, and points at the chart', () => {
    expect(chartAddress('http://127.0.0.1:3322/events/kz?timeline=detained&timeline_view=chart&breakdown=injured&reports_page=2#sources', 'timeline')).toBe(
      'http://127.0.0.1:3322/events/kz?timeline=detained#timeline',
    );
    expect(chartAddress('https://example.org/events/kz?compare_view=table', 'breakdown')).toBe('https://example.org/events/kz#breakdown');
  });
});

describe('file name and date', () => {
  it('adds the title to the file name unless it is already there', () => {
    expect(pngFileName('kazakhstan-2022-unrest-timeline', 'Deaths as reported over time')).toBe('kazakhstan-2022-unrest-timeline-deaths-as-reported-over-time.png');
    expect(pngFileName('deaths-as-reported-over-time', 'Deaths as reported over time')).toBe('deaths-as-reported-over-time.png');
    expect(pngFileName('chart', '—')).toBe('chart.png');
  });

  it('slugs titles to letters and digits, accents dropped, other scripts kept, length capped at a word', () => {
    expect(slugify('Headline figures compared, in KZT')).toBe('headline-figures-compared-in-kzt');
    expect(slugify('Décès à Almaty')).toBe('deces-a-almaty');
    expect(slugify('Погибшие по группам')).toBe('погибшие-по-группам');
    expect(slugify('word '.repeat(30))).toBe('word-'.repeat(11) + 'word');
  });

  it('dates the download by the reader’s calendar day', () => {
    expect(localIsoDate(new Date(2026, 10, 26, 23, 59))).toBe('2026-11-26');
    expect(localIsoDate(new Date(2027, 0, 5))).toBe('2027-01-05');
  });
});
