import fc from 'fast-check';

/**
 * Strings an attacker, a careless paste or a broken client sends: markup, script URLs, SQL,
 * spreadsheet formulas, control and invisible characters, numbers a lax parser would guess at,
 * emoji and right-to-left text.
 */
export const ADVERSARIAL_STRINGS = [
  '<script>alert(1)</script>', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>',
  '</textarea><script>alert(1)</script>', '{{constructor.constructor("alert(1)")()}}', '${7*7}',
  'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)', 'http://', 'https://evil.example/?q=<script>', '//evil.example',
  "'; DROP TABLE figures; --", '" OR 1=1 --', "Robert'); DELETE FROM audit_entries;--", '%27%20OR%201=1', '\\', '\'', '"',
  '=1+2', '=HYPERLINK("http://evil.example","click")', '+SUM(A1:A9)', '-2+3', '@SUM(A1)', '\t=1', '\r=1', "'=already quoted",
  '\u0000', 'a\u0000b', '\u0007', '\u001b[31mred', '\u007f', '\u0085', '\u009b', 'line\nbreak', 'line\r\nbreak', 'tab\there', '\u2028', '\u2029',
  '\u202eevil.exe', '\u202dLTR override', '\u2066isolate\u2069', '\u200f', '\u200b', '\ufeffBOM', '\u00a0', ' ',
  '1e309', '-0', '0x10', '9007199254740993', '9007199254740991', ' 12 ', '12abc', 'NaN', 'Infinity', '-1', '1.5', '1,300', '1,30', '０１２', '٣', '00012',
  '😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', 'Алматы, «центр»', 'עברית', 'العربية', '漢字', 'e\u0301', '\ud83d', '\ude00x',
  '', '   ', '__proto__', 'constructor', 'null', 'undefined', 'NULL',
];

/** One adversarial string, a random one (any UTF-16 code units), or the two glued together. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...ADVERSARIAL_STRINGS), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom(...ADVERSARIAL_STRINGS), fc.string({ maxLength: 10 }), fc.constantFrom(...ADVERSARIAL_STRINGS)).map((parts) => parts.join('')), weight: 2 },
);

/** A string of about 1 MB that ends in markup, for limits that must hold however long the input. */
export const MEGABYTE_STRING = `${'x'.repeat(1024 * 1024)}<script>alert(1)</script>`;

/**
 * Options for fc.assert: `numRuns` runs with a new random seed each time (fast-check prints the
 * seed and path of a failure); FC_SEED=<seed> replays a reported failure.
 */
export function propertyRuns(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FC_SEED;
  return seed ? { numRuns, seed: Number(seed) } : { numRuns };
}

// Lone UTF-16 surrogates cannot be stored as UTF-8: SQLite would keep U+FFFD instead.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a string is well-formed Unicode text (no lone surrogates). */
export function isWellFormedText(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}
