import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barLabelLines } from '@/lib/chart-labels';

describe("a bar's label", () => {
  it('puts each part of "group, place" on a line of its own, and wraps a long part between words', () => {
    expect(barLabelLines('civilians, Almaty', 16)).toEqual(['civilians', 'Almaty']);
    expect(barLabelLines('law enforcement and military, Kazakhstan', 16)).toEqual(['law enforcement', 'and military', 'Kazakhstan']);
    expect(barLabelLines('law enforcement and military, Kazakhstan', 40)).toEqual(['law enforcement and military', 'Kazakhstan']);
  });

  it('draws no empty line for an empty part, and keeps words joined by a no-break space together', () => {
    expect(barLabelLines('all, ', 16)).toEqual(['all']);
    expect(barLabelLines(', Almaty', 16)).toEqual(['Almaty']);
    expect(barLabelLines('', 16)).toEqual(['']);
    expect(barLabelLines('Nur-Sultan city\u00a0centre, Kazakhstan', 10)).toEqual(['Nur-Sultan', 'city\u00a0centre', 'Kazakhstan']);
  });

  it('keeps a word longer than the limit whole, and loses no word', () => {
    expect(barLabelLines('Усть-Каменогорская область', 10)).toEqual(['Усть-Каменогорская', 'область']);
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zа-я]{1,20}$/), { minLength: 1, maxLength: 8 }), fc.integer({ min: 4, max: 30 }), (words, max) => {
        const lines = barLabelLines(words.join(' '), max);
        expect(lines.join(' ')).toBe(words.join(' '));
        for (const line of lines) if (line.includes(' ')) expect(line.length).toBeLessThanOrEqual(max);
      }),
    );
  });
});
