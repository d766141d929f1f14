/**
 * A strict RFC 4180 CSV reader for imports, fed text piece by piece so that a large upload is
 * never held whole. csv-parse took 12–13 µs a row, a quarter of the import's time; this loop
 * takes about 2 µs. What it accepts and refuses is pinned against csv-parse (with the import's
 * options) by a property test in tests/unit/csv-reader.test.ts.
 *
 * - Cells are separated by commas; a record ends at CRLF, LF or a lone CR, whichever the file
 *   uses (csv-parse took the first one it met for the whole file, so a file mixing them had
 *   records run together).
 * - A cell is either unquoted (no quote anywhere in it) or quoted from its first to its last
 *   character, with a quote inside written twice; a quoted cell may hold commas and line breaks.
 * - A byte-order mark at the very start is dropped, empty lines are skipped (a line holding `""`
 *   or spaces is a record), and records may have different numbers of cells (the caller
 *   reports that against the header).
 * - Each record is handed over with the line it starts on, counting every line break of the
 *   file, inside quoted cells too, with CRLF as one.
 */
import { endsInALetter, notUtf8, unfinishedLetter } from './utf8-check';

/** What makes a text not CSV; the names are csv-parse's, which earlier messages used, and bytes that are not UTF-8. */
export type CsvSyntaxProblem = 'Quote Not Closed' | 'Invalid Opening Quote' | 'Invalid Closing Quote' | 'Not UTF-8';

/** A place in the text where it stops being CSV: its line, character in that line, and cell. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly problem: CsvSyntaxProblem,
    /** The line it happened on (for an unclosed quote, the line of the quote that opened the cell). */
    readonly line: number,
    /** The character in that line, counted from 1. */
    readonly character: number,
    /** The cell of the record, counted from 0. */
    readonly cell: number,
    /** What is wrong and how to fix it, in words. */
    readonly detail: string,
  ) {
    super(`${problem} at line ${line}, character ${character}: ${detail}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Receives each record: its cells, and the line of the file it starts on. */
export type CsvRecordHandler = (cells: string[], line: number) => void;

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;
const BOM = '\ufeff';

// Where the reader is: between cells (or at a record's start), in an unquoted cell, in a quoted
// cell, or just after a quote inside a quoted cell (a second quote, or the cell's end, follows).
const enum State { CellStart, Unquoted, Quoted, QuoteInQuoted }

/**
 * Reads CSV text given in pieces (`write`, then `end`), calling `onRecord` for each record as
 * soon as it is complete. A piece may end anywhere, even between the CR and LF of a line break.
 * Throws CsvSyntaxError at the first place the text is not CSV; records before it have been
 * handed over already.
 */
export class CsvReader {
  private state = State.CellStart;
  private cells: string[] = [];
  // The current cell's text so far when it started in an earlier piece or holds a doubled quote.
  private cell = '';
  private line = 1;
  private recordLine = 1;
  // Characters of the text before the current piece, and where the current line starts among them.
  private offset = 0;
  private lineStart = 0;
  // The last character was a CR: an LF now completes its line break rather than starting another.
  private afterCr = false;
  private quoteLine = 1;
  private quoteCharacter = 1;
  private started = false;

  constructor(private readonly onRecord: CsvRecordHandler) {}

  /** Reads the next piece of the text. */
  write(piece: string): void {
    let text = piece;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.startsWith(BOM)) text = text.slice(1);
    }
    const n = text.length;
    let state = this.state;
    let cells = this.cells;
    // Where the part of the current cell that lies in this piece starts.
    let from = 0;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (c === LF) {
          // The LF of a CRLF: in a quoted cell it is text; between records it is nothing.
          this.lineStart = this.offset + i + 1;
          if (state !== State.Quoted) from = i + 1;
          i++;
          continue;
        }
      }
      switch (state) {
        case State.CellStart:
          if (c === COMMA) {
            if (cells.length === 0) this.recordLine = this.line;
            cells.push('');
            from = i + 1;
          } else if (c === QUOTE) {
            if (cells.length === 0) this.recordLine = this.line;
            state = State.Quoted;
            this.quoteLine = this.line;
            this.quoteCharacter = this.offset + i - this.lineStart + 1;
            from = i + 1;
          } else if (c === LF || c === CR) {
            if (cells.length > 0) {
              // A record ending with an empty cell ("a,b,").
              cells.push('');
              this.emit(cells);
              cells = this.cells = [];
            }
            // Otherwise an empty line: skipped, but counted.
            this.newLine(c, i);
            from = i + 1;
          } else {
            if (cells.length === 0) this.recordLine = this.line;
            state = State.Unquoted;
            from = i;
          }
          break;
        case State.Unquoted: {
          // Most cells hold none of the four characters that matter: skip to the first one.
          let j = i;
          let d = c;
          while (d !== COMMA && d !== CR && d !== LF && d !== QUOTE) {
            if (++j === n) break;
            d = text.charCodeAt(j);
          }
          if (j === n) {
            i = n;
            continue;
          }
          i = j;
          if (d === QUOTE) {
            throw this.error('Invalid Opening Quote', i, cells.length,
              'a quote inside a cell that does not start with one; put the whole cell in quotes and write the quote twice ("").');
          }
          cells.push(this.cell + text.slice(from, i));
          this.cell = '';
          if (d === COMMA) {
            state = State.CellStart;
          } else {
            this.emit(cells);
            cells = this.cells = [];
            state = State.CellStart;
            this.newLine(d, i);
          }
          from = i + 1;
          break;
        }
        case State.Quoted:
          if (c === QUOTE) {
            this.cell += text.slice(from, i);
            state = State.QuoteInQuoted;
          } else if (c === LF || c === CR) {
            this.newLine(c, i);
          }
          break;
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            // A doubled quote stands for one; the cell goes on.
            this.cell += '"';
            state = State.Quoted;
            from = i + 1;
          } else if (c === COMMA) {
            cells.push(this.cell);
            this.cell = '';
            state = State.CellStart;
            from = i + 1;
          } else if (c === LF || c === CR) {
            cells.push(this.cell);
            this.cell = '';
            this.emit(cells);
            cells = this.cells = [];
            state = State.CellStart;
            this.newLine(c, i);
            from = i + 1;
          } else {
            throw this.error('Invalid Closing Quote', i, cells.length,
              'text after the quote that closes a quoted cell; a quote inside a quoted cell is written twice ("").');
          }
          break;
      }
      i++;
    }
    // The cell goes on in the next piece: keep what this one holds of it.
    if (state === State.Unquoted || state === State.Quoted) this.cell += text.slice(from, n);
    this.state = state;
    this.offset += n;
  }

  /** The text has ended: hands over its last record, or throws if a quoted cell is still open. */
  end(): void {
    if (this.state === State.Quoted) {
      throw new CsvSyntaxError('Quote Not Closed', this.quoteLine, this.quoteCharacter, this.cells.length,
        'the quote that opens this cell is never closed; end the cell with another quote.');
    }
    if (this.state !== State.CellStart || this.cells.length > 0) {
      this.cells.push(this.cell);
      this.cell = '';
      this.emit(this.cells);
      this.cells = [];
    }
    this.state = State.CellStart;
  }

  private emit(cells: string[]): void {
    this.onRecord(cells, this.recordLine);
  }

  // A line break at index i of the current piece: CR, or LF (a CR's LF never reaches here).
  private newLine(c: number, i: number): void {
    this.line++;
    this.lineStart = this.offset + i + 1;
    if (c === CR) this.afterCr = true;
  }

  /** A problem at the place the text read so far ends (the next character's), in the cell being read. */
  errorHere(problem: CsvSyntaxProblem, detail: string): CsvSyntaxError {
    return this.error(problem, 0, this.cells.length, detail);
  }

  private error(problem: CsvSyntaxProblem, i: number, cell: number, detail: string): CsvSyntaxError {
    return new CsvSyntaxError(problem, this.line, this.offset + i - this.lineStart + 1, cell, detail);
  }
}

/** Reads a whole CSV text, calling `onRecord` for each record; throws CsvSyntaxError. */
export function readCsvText(text: string, onRecord: CsvRecordHandler): void {
  const reader = new CsvReader(onRecord);
  reader.write(text);
  reader.end();
}

/**
 * Reads CSV from a stream of UTF-8 bytes (or of text), calling `onRecord` for each record and
 * `onBytes` with the bytes read so far after each piece. Throws CsvSyntaxError (bytes that are
 * not UTF-8 too: a file saved in another encoding, such as a spreadsheet's Windows-1251 or -1252
 * "CSV", is refused at its first such byte, never read with its letters replaced), or the
 * stream's own error.
 */
export async function readCsvStream(
  stream: AsyncIterable<Uint8Array | string>,
  onRecord: CsvRecordHandler,
  onBytes?: (bytes: number) => void,
): Promise<void> {
  const reader = new CsvReader(onRecord);
  // The BOM is the reader's to drop (the same rule for a text and a stream); a letter split
  // between two pieces is joined by the decoder's stream mode.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
  // The bytes of a letter the last piece ended in the middle of (the decoder holds them).
  let carry: Uint8Array = new Uint8Array(0);
  let bytes = 0;
  for await (const piece of stream) {
    if (typeof piece === 'string') {
      reader.write(piece);
      bytes += Buffer.byteLength(piece);
    } else {
      let text: string;
      try {
        text = decoder.decode(piece, { stream: true });
      } catch {
        throw notUtf8(reader, carry, piece);
      }
      reader.write(text);
      carry = unfinishedLetter(carry, piece);
      bytes += piece.byteLength;
    }
    onBytes?.(bytes);
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw endsInALetter(reader);
  }
  reader.write(rest);
  reader.end();
}
