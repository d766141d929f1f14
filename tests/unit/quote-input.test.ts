import { describe, expect, it } from 'vitest';
import { quoteInput } from '@/lib/quote-input';

describe('quoteInput: what a person gave, quoted in a message', () => {
  it('quotes short input as it is', () => {
    expect(quoteInput('12abc')).toBe('"12abc"');
    expect(quoteInput('<b>1</b> "x"')).toBe('"<b>1</b> "x""');
    expect(quoteInput('')).toBe('""');
  });
  it('keeps the first 40 characters, then says there was more', () => {
    expect(quoteInput('x'.repeat(40))).toBe(`"${'x'.repeat(40)}"`);
    expect(quoteInput('x'.repeat(41))).toBe(`"${'x'.repeat(40)}…"`);
    expect(quoteInput('x'.repeat(1_000_000))).toBe(`"${'x'.repeat(40)}…"`);
  });
  it('counts an emoji as one character and never cuts one in half', () => {
    expect(quoteInput('😀'.repeat(40))).toBe(`"${'😀'.repeat(40)}"`);
    expect(quoteInput('😀'.repeat(41))).toBe(`"${'😀'.repeat(40)}…"`);
    expect(quoteInput(`${'x'.repeat(39)}😀😀`)).toBe(`"${'x'.repeat(39)}😀…"`);
  });
  it('shows control characters, text-reordering marks and broken characters as �, so no terminal or page obeys them', () => {
    expect(quoteInput('1\u001b[2J\u0000\u007f\u0085')).toBe('"1\ufffd[2J\ufffd\ufffd\ufffd"');
    expect(quoteInput('abc\u202eevil\u2066x\u200f')).toBe('"abc\ufffdevil\ufffdx\ufffd"');
    expect(quoteInput('a\ud83db\ude00')).toBe('"a\ufffdb\ufffd"');
    expect(quoteInput('line\nbreak\ttab')).toBe('"line\ufffdbreak\ufffdtab"');
  });
});
