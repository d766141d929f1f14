import { describe, expect, it } from 'vitest';
import { formatImportWarning, unusualWarningsWords } from '@/lib/import/warnings';

describe('the words of an import’s numbers to check', () => {
  it('say one row or several, done or in a dry run', () => {
    expect(unusualWarningsWords(1, false)).toBe('Check: 1 row has a number at least 10 times larger or smaller than the published report next to it in its series (often a typing error); compare it with its source.');
    expect(unusualWarningsWords(1, true)).toBe('Check: 1 row would be saved with a number at least 10 times larger or smaller than the published report next to it in its series (often a typing error); compare it with its source.');
    expect(unusualWarningsWords(1200, false)).toBe('Check: 1,200 rows have numbers at least 10 times larger or smaller than the published report next to them in their series (often a typing error); compare them with their sources.');
    expect(unusualWarningsWords(2, true)).toMatch(/^Check: 2 rows would be saved with numbers at least 10 times/);
  });

  it('place each by its line', () => {
    expect(formatImportWarning({ line: 12, message: '2,300 is 10 times …' })).toBe('line 12: 2,300 is 10 times …');
  });
});
