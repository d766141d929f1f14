import { describe, expect, it } from 'vitest';
import { importCountsWords } from '@/lib/import/summary-words';

describe("an import's counts in words", () => {
  const counts = { rowsRead: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 };

  it('says what was done, one row or many', () => {
    expect(importCountsWords(counts, false)).toBe('1 row read, 1 created, 0 updated, 0 unchanged, 0 rejected');
    expect(importCountsWords({ rowsRead: 12_500, created: 12_000, updated: 400, unchanged: 100, rejected: 0 }, false)).toBe(
      '12,500 rows read, 12,000 created, 400 updated, 100 unchanged, 0 rejected',
    );
  });

  it('says what a dry run would do, since it writes nothing', () => {
    expect(importCountsWords(counts, true)).toBe('1 row read, 1 would be created, 0 would be updated, 0 unchanged, 0 rejected');
  });

  it('names the sources it created, so that one made by a typo is seen', () => {
    const source = (i: number) => ({ reportingBody: `Ministry ${i}`, publisher: i % 2 ? 'TASS' : '', title: '', url: '', publishedOn: `2022-01-${String(i).padStart(2, '0')}` });
    expect(importCountsWords({ ...counts, newSources: [source(1)] }, false)).toBe('1 row read, 1 created, 0 updated, 0 unchanged, 0 rejected; 1 new source created: Ministry 1, TASS, 1 January 2022');
    expect(importCountsWords({ ...counts, newSources: [source(2)] }, true)).toBe('1 row read, 1 would be created, 0 would be updated, 0 unchanged, 0 rejected; 1 new source would be created: Ministry 2, 2 January 2022');
    const many = importCountsWords({ ...counts, newSources: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(source) }, false);
    expect(many).toContain('; 12 new sources created: Ministry 1, TASS, 1 January 2022; Ministry 2, 2 January 2022; ');
    expect(many).toMatch(/Ministry 9, TASS, 9 January 2022; Ministry 10, 10 January 2022 and 2 more$/);
    // Two sources that differ by title, or by address, read apart.
    const told = importCountsWords({ ...counts, newSources: [
      { reportingBody: 'Police', publisher: '', publishedOn: '2022-01-17', title: 'A', url: '' },
      { reportingBody: 'Police', publisher: '', publishedOn: '2022-01-17', title: 'B', url: '' },
      { reportingBody: 'Police', publisher: '', publishedOn: '2022-01-17', title: '', url: 'https://example.org/c' },
    ] }, false);
    expect(told).toContain('3 new sources created: Police, “A”, 17 January 2022; Police, “B”, 17 January 2022; Police, https://example.org/c, 17 January 2022');
  });
});
