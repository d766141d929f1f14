import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { foldCase, matchesFolded, registerTextMatch } from '@/db/text-match';
import { propertyRuns } from '../helpers/hostile';

// Letters that fold in awkward ways: ASCII, Cyrillic, the Kelvin sign (folds to ASCII k), the
// dotted capital I (folds to two characters), sharp s, Greek sigmas, decomposed and composed
// accents, a letter whose lowering undoes a composition (J with a combining caron), the caron alone, digits, a
// space, punctuation and a control character.
const LETTERS = ['a', 'A', 'k', 'K', '\u212a', 'z', 'Z', 'а', 'А', 'ё', 'Ё', 'İ', 'i', 'ß', 'Σ', 'σ', 'ς', 'é', 'É', 'e\u0301', 'E\u0301', 'J\u030c', 'ǰ', 'j', '\u030c', '1', ' ', ',', '"', '\u0007'];
const text = fc.array(fc.constantFrom(...LETTERS), { maxLength: 4 }).map((parts) => parts.join(''));

const db = new Database(':memory:');
registerTextMatch(db);
db.exec('CREATE TABLE t (v TEXT NOT NULL)');
const matches = db.prepare(`SELECT ${matchesFolded('v', 'p')} AS m FROM t`).pluck();
const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
afterAll(() => db.close());

describe('letter-case matching of group and place', () => {
  it('in SQL matches exactly the stored texts that fold to the same text as the filter', () => {
    fc.assert(
      fc.property(text, text, (stored, filter) => {
        db.exec('DELETE FROM t');
        insert.run(stored);
        expect(matches.get({ p: foldCase(filter) }) === 1).toBe(foldCase(stored) === foldCase(filter));
      }),
      { ...propertyRuns(3000), examples: [['j\u030c', 'J\u030c'], ['kazakhstan', '\u212aAZAKHSTAN'], ['Алматы', 'алматы']] },
    );
  });

  it('folds the same however the text was typed, and folding twice changes nothing', () => {
    expect(foldCase('ALMATY')).toBe('almaty');
    expect(foldCase('АЛМАТЫ')).toBe('алматы');
    expect(foldCase('\u212aazakhstan')).toBe('kazakhstan');
    expect(foldCase('J\u030c')).toBe(foldCase('ǰ'));
    expect(foldCase('E\u0301')).toBe(foldCase('é'));
    fc.assert(
      fc.property(text, (s) => {
        expect(foldCase(foldCase(s))).toBe(foldCase(s));
      }),
      propertyRuns(500),
    );
  });
});
