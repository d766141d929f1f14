/**
 * Telling bytes that are not UTF-8 apart as the CSV reader streams a file (readCsvStream): where
 * the first such byte lies, and the error that names its line, character and cell. A file saved
 * in another encoding (a spreadsheet's Windows-1251 or -1252 "CSV") is refused there, never read
 * with its letters replaced.
 */
import type { CsvReader, CsvSyntaxError } from './csv-reader';

const SAVE_AS_UTF8 = 'Save it as UTF-8 (in a spreadsheet: "CSV UTF-8") and import it again.';

/** The error for a file that ends in the middle of a letter. */
export function endsInALetter(reader: CsvReader): CsvSyntaxError {
  return reader.errorHere('Not UTF-8', `the file ends in the middle of a letter, so it was saved in another encoding or cut short. ${SAVE_AS_UTF8}`);
}

/** How many bytes the UTF-8 letter starting with `lead` has (1 for a byte that starts none). */
const letterLength = (lead: number) => (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1);

/** The start of a letter that `piece` (after `carry`, the unfinished one before it) ends in the middle of. */
export function unfinishedLetter(carry: Uint8Array, piece: Uint8Array): Uint8Array {
  // Only the last three bytes can hold the start of an unfinished letter.
  const all = carry.length && piece.length < 3 ? Buffer.concat([carry, piece]) : piece.subarray(Math.max(0, piece.length - 3));
  for (let back = 1; back <= 3 && back <= all.length; back++) {
    const c = all[all.length - back]!;
    if ((c & 0xc0) === 0x80) continue;
    return c >= 0xc0 && letterLength(c) > back ? all.slice(all.length - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

/**
 * The error for a piece the decoder refused: the text before its first bad byte is read (so the
 * error names that byte's line, character and cell, or an earlier CSV error is thrown first).
 * `carry` is the unfinished letter the piece before ended in.
 */
export function notUtf8(reader: CsvReader, carry: Uint8Array, piece: Uint8Array): CsvSyntaxError {
  const refuse = (byte: number) =>
    reader.errorHere(
      'Not UTF-8',
      `the byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} cannot be read as UTF-8: the file was saved in another encoding (a spreadsheet's plain "CSV" often is). ${SAVE_AS_UTF8}`,
    );
  let from = 0;
  if (carry.length) {
    // The letter begun before, finished by this piece's first bytes, or the bad byte itself.
    from = Math.min(letterLength(carry[0]!) - carry.length, piece.length);
    const letter = Buffer.concat([carry, piece.subarray(0, from)]);
    if (firstInvalidByte(letter) !== -1 || from < letterLength(carry[0]!) - carry.length) return refuse(carry[0]!);
    reader.write(letter.toString('utf8'));
  }
  const bad = firstInvalidByte(piece, from);
  if (bad === -1) return refuse(carry[0] ?? piece[0] ?? 0);
  reader.write(new TextDecoder('utf-8', { ignoreBOM: true }).decode(piece.subarray(from, bad)));
  return refuse(piece[bad]!);
}

/**
 * Where the first byte lies that cannot be read as UTF-8 from `from` on (the WHATWG decoder's
 * rules: no overlong forms, no surrogates, nothing past U+10FFFF), or -1; a letter cut off by the
 * piece's end is not counted as bad.
 */
export function firstInvalidByte(b: Uint8Array, from = 0): number {
  let i = from;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let more: number;
    let [low, high] = [0x80, 0xbf];
    if (c >= 0xc2 && c <= 0xdf) more = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      more = 2;
      if (c === 0xe0) low = 0xa0;
      if (c === 0xed) high = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      more = 3;
      if (c === 0xf0) low = 0x90;
      if (c === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= more; k++) {
      if (i + k >= b.length) return -1;
      const d = b[i + k]!;
      if (d < low || d > high) return i;
      [low, high] = [0x80, 0xbf];
    }
    i += more + 1;
  }
  return -1;
}
