import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, readCsvStream, readCsvText, CsvReader } from '@/lib/import/csv-reader';
import { firstInvalidByte } from '@/lib/import/utf8-check';

type Read = Array<{ cells: string[]; line: number }>;

function read(text: string): Read {
  const records: Read = [];
  readCsvText(text, (cells, line) => records.push({ cells, line }));
  return records;
}

// The same text handed over in the given pieces.
function readInPieces(pieces: string[]): Read {
  const records: Read = [];
  const reader = new CsvReader((cells, line) => records.push({ cells, line }));
  for (const piece of pieces) reader.write(piece);
  reader.end();
  return records;
}

function syntaxError(text: string): CsvSyntaxError {
  try {
    read(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return err;
    throw err;
  }
  throw new Error(`no syntax error in ${JSON.stringify(text)}`);
}

describe('the CSV reader', () => {
  it('reads cells and records with the line each record starts on', () => {
    expect(read('a,b,c\n1,2,3\n')).toEqual([
      { cells: ['a', 'b', 'c'], line: 1 },
      { cells: ['1', '2', '3'], line: 2 },
    ]);
  });

  it('ends records at CRLF, LF or CR, and at the end of the text', () => {
    expect(read('a\r\nb\nc\rd').map((r) => [r.cells[0], r.line])).toEqual([['a', 1], ['b', 2], ['c', 3], ['d', 4]]);
  });

  it('skips empty lines but counts them', () => {
    expect(read('\n\na\r\n\r\n\r\nb\r\rc\n\n')).toEqual([
      { cells: ['a'], line: 3 },
      { cells: ['b'], line: 6 },
      { cells: ['c'], line: 8 },
    ]);
  });

  it('keeps a line of spaces, a line of "" and a line of commas as records', () => {
    expect(read('a\n \n""\n,\n')).toEqual([
      { cells: ['a'], line: 1 },
      { cells: [' '], line: 2 },
      { cells: [''], line: 3 },
      { cells: ['', ''], line: 4 },
    ]);
  });

  it('keeps empty cells at either end of a record', () => {
    expect(read(',a,\n,').map((r) => r.cells)).toEqual([['', 'a', ''], ['', '']]);
  });

  it('reads quoted cells with commas, doubled quotes and line breaks, and counts those lines (CRLF as one)', () => {
    expect(read('"a,b","say ""hi""",""\n"x\r\ny\nz\rw",2\nnext')).toEqual([
      { cells: ['a,b', 'say "hi"', ''], line: 1 },
      { cells: ['x\r\ny\nz\rw', '2'], line: 2 },
      { cells: ['next'], line: 6 },
    ]);
  });

  it('drops a byte-order mark at the start only', () => {
    expect(read('\ufeffa,b\n\ufeffc')).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['\ufeffc'], line: 2 },
    ]);
  });

  it('reads nothing from an empty text or one of empty lines', () => {
    expect(read('')).toEqual([]);
    expect(read('\ufeff\r\n\n')).toEqual([]);
  });

  it('reads the same whatever pieces the text comes in, a CRLF split between two included', () => {
    const text = '\ufeffh1,"h,2"\r\n"a ""q""\r\nb",c\r\n\r\nd,e\rf,"g"\r\n';
    const whole = read(text);
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j++) {
        expect(readInPieces([text.slice(0, i), text.slice(i, j), text.slice(j)])).toEqual(whole);
      }
    }
  });
});

describe('text that is not CSV', () => {
  it('refuses a quote inside an unquoted cell, with its line, character and cell', () => {
    const e = syntaxError('a,b\nc,d"e,f\n');
    expect(e).toMatchObject({ problem: 'Invalid Opening Quote', line: 2, character: 4, cell: 1 });
    expect(e.message).toMatch(/^Invalid Opening Quote at line 2, character 4: a quote inside a cell that does not start with one/);
  });

  it('refuses a cell that starts with a space and then a quote', () => {
    expect(syntaxError('a, "b"')).toMatchObject({ problem: 'Invalid Opening Quote', line: 1, character: 4, cell: 1 });
  });

  it('refuses text after a closing quote, after a quoted line break too', () => {
    expect(syntaxError('x\n"a"b,c')).toMatchObject({ problem: 'Invalid Closing Quote', line: 2, character: 4, cell: 0 });
    expect(syntaxError('x,"one\r\ntwo" ,y')).toMatchObject({ problem: 'Invalid Closing Quote', line: 2, character: 5, cell: 1 });
  });

  it('refuses a quote never closed, at the line and character where it opened', () => {
    const e = syntaxError('a,b\nc,"d\ne,f\ng,h\n');
    expect(e).toMatchObject({ problem: 'Quote Not Closed', line: 2, character: 3, cell: 1 });
    expect(e.message).toMatch(/^Quote Not Closed at line 2, character 3: the quote that opens this cell is never closed/);
    expect(syntaxError('"a""')).toMatchObject({ problem: 'Quote Not Closed', line: 1, character: 1, cell: 0 });
  });

  it('hands over the records before the problem', () => {
    const records: string[][] = [];
    expect(() => readCsvText('a\nb\n"c', (cells) => records.push(cells))).toThrow(CsvSyntaxError);
    expect(records).toEqual([['a'], ['b']]);
  });

  it('counts characters from the start of the line, not of the piece', () => {
    const reader = new CsvReader(() => {});
    reader.write('abc,d\nxy');
    expect(() => reader.write('z,w"')).toThrow(expect.objectContaining({ line: 2, character: 6, cell: 1 }));
  });
});

describe('reading a stream', () => {
  it('joins letters and a byte-order mark split between pieces, and reports the bytes read', async () => {
    const bytes = Buffer.from('\ufeffгород,"Алматы,\r\nюг"\r\nОрал,2', 'utf8');
    const pieces = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    const records: Read = [];
    const progress: number[] = [];
    await readCsvStream(Readable.from(pieces), (cells, line) => records.push({ cells, line }), (b) => progress.push(b));
    expect(records).toEqual([
      { cells: ['город', 'Алматы,\r\nюг'], line: 1 },
      { cells: ['Орал', '2'], line: 3 },
    ]);
    expect(progress.at(-1)).toBe(bytes.length);
  });

  it('refuses bytes that are not UTF-8 at their line, character and cell, in any split into pieces (a Windows-1252 "é" here)', async () => {
    const bytes = Buffer.concat([Buffer.from('event,note\nkz,ok\nkz,"caf'), Buffer.from([0xe9]), Buffer.from(' au lait"\n')]);
    for (const size of [1, 2, 3, 7, bytes.length]) {
      const pieces = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
      const records: Read = [];
      const error = await readCsvStream(Readable.from(pieces), (cells, line) => records.push({ cells, line })).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect(error).toMatchObject({ problem: 'Not UTF-8', line: 3, character: 8, cell: 1 });
      expect((error as CsvSyntaxError).detail).toMatch(/^the byte 0xE9 cannot be read as UTF-8/);
      // The records before it were read; none after.
      expect(records.map((r) => r.line)).toEqual([1, 2]);
    }
  });

  it('refuses a letter cut off by the end of the file, and one a piece ends in that the next does not finish', async () => {
    const cut = Buffer.from('a,b\nx,Ал', 'utf8').subarray(0, -1);
    await expect(readCsvStream(Readable.from([cut]), () => {})).rejects.toMatchObject({ problem: 'Not UTF-8', line: 2, character: 4 });
    const unfinished = [Buffer.from([0x61, 0x2c, 0xd0]), Buffer.from('b\n')];
    await expect(readCsvStream(Readable.from(unfinished), () => {})).rejects.toMatchObject({ problem: 'Not UTF-8', line: 1, character: 3 });
  });

  it('reports the same place for a file with bad bytes however it is split into pieces (generated files)', async () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('Алматы', 'Қазақстан', '€', '😀', 'a,b', 'x\ny'));
    const file = fc.tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.nat(), fc.constantFrom(0x80, 0xc0, 0xe9, 0xff, 0xed, 0xf0), fc.boolean());
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.nat(), { maxLength: 6 }), async ([rows, at, bad, bom], cuts) => {
        const text = Buffer.from((bom ? '\ufeff' : '') + rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n'), 'utf8');
        const where = at % (text.length + 1);
        const bytes = Buffer.concat([text.subarray(0, where), Buffer.from([bad]), text.subarray(where)]);
        const read = async (pieces: Uint8Array[]) => {
          const lines: number[] = [];
          const error = await readCsvStream(Readable.from(pieces), (_cells, line) => lines.push(line)).then(() => null, (e: unknown) => e as CsvSyntaxError);
          return { lines, error: error && { problem: error.problem, line: error.line, character: error.character, cell: error.cell, detail: error.detail } };
        };
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((x, y) => x - y);
        const pieces = [0, ...points].map((from, i, all) => bytes.subarray(from, all[i + 1] ?? bytes.length)).filter((p) => p.length > 0);
        expect(await read(pieces)).toEqual(await read([bytes]));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the first bad byte where the decoder finds one (generated bytes)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
        const bad = firstInvalidByte(b);
        const decodes = (bytes: Uint8Array) => {
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
            return true;
          } catch {
            return false;
          }
        };
        // Bad exactly when the (streaming) decoder refuses, and everything before it decodes.
        return (bad === -1) === decodes(b) && (bad === -1 || decodes(b.subarray(0, bad)));
      }),
      { numRuns: 3000 },
    );
  });

  it('passes on the stream’s own error', async () => {
    const failing = new Readable({ read() { this.destroy(new Error('connection reset')); } });
    await expect(readCsvStream(failing, () => {})).rejects.toThrow('connection reset');
  });
});

// csv-parse with the options the importer used before this reader, as the oracle.
const CSV_PARSE_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true, info: true } as const;
type Oracle = { records: Read } | { error: string };

function oracle(text: string): Oracle {
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    parsed = parse(text, CSV_PARSE_OPTIONS) as unknown as typeof parsed;
  } catch (err) {
    return { error: (err as Error).message.split(':')[0]! };
  }
  // csv-parse gives the line a record ends on and counts a CRLF inside a quoted cell as two.
  let overCounted = 0;
  const records = parsed.map(({ record, info }) => {
    const count = (pattern: RegExp) => record.reduce((sum, cell) => sum + (cell.match(pattern)?.length ?? 0), 0);
    overCounted += count(/\r\n/g);
    const breaks = count(/\r\n|\r|\n/g);
    return { cells: record, line: info.lines - overCounted - breaks };
  });
  return { records };
}

function ours(text: string): Oracle {
  try {
    return { records: read(text) };
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { error: err.problem };
    throw err;
  }
}

const EOL = fc.constantFrom('\n', '\r\n', '\r');
// csv-parse does not count a lone CR inside a quoted cell as a line unless the file's lines end
// with CR (this reader always does, as editors show it); the oracle is asked only what it knows.
const cellText = (eol: string) =>
  fc.array(fc.constantFrom('a', 'б', ' ', ',', '"', '\n', '\r\n', eol, '\t', '«', '😀'), { maxLength: 6 }).map((parts) => parts.join(''));

// A CSV file as a writer would make it: a cell quoted when it must be (or at random), quotes
// doubled, one kind of line break, sometimes a BOM, empty lines and no final line break.
const wellFormed = EOL.chain((eol) =>
  fc.record({
    eol: fc.constant(eol),
    bom: fc.boolean(),
    finalBreak: fc.boolean(),
    records: fc.array(
      fc.record({
        cells: fc.array(fc.record({ text: cellText(eol), quoted: fc.boolean() }), { minLength: 1, maxLength: 4 }),
        blankLinesAfter: fc.nat(2),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  }))
  .map(({ eol, bom, finalBreak, records }) => {
    const lines = records.map(({ cells, blankLinesAfter }) => {
      const line = cells
        .map(({ text, quoted }) => (quoted || /[",\r\n]/.test(text) || (cells.length === 1 && text === '') ? `"${text.replaceAll('"', '""')}"` : text))
        .join(',');
      return line + eol.repeat(blankLinesAfter);
    });
    return (bom ? '\ufeff' : '') + lines.join(eol) + (finalBreak ? eol : '');
  });

// Any text of CSV's special characters with one kind of line break: much of it is not CSV.
const anyText = fc
  .tuple(EOL, fc.array(fc.constantFrom('a', 'б', ' ', ',', '"', 'EOL'), { maxLength: 14 }))
  .map(([eol, parts]) => parts.map((p) => (p === 'EOL' ? eol : p)).join(''));

describe('the CSV reader against csv-parse', () => {
  it('reads well-formed files to the same records, starting on the same lines', () => {
    fc.assert(fc.property(wellFormed, (text) => {
      expect(ours(text)).toEqual(oracle(text));
    }), { numRuns: 2000 });
  });

  it('accepts and refuses the same texts, for the same reason', () => {
    fc.assert(fc.property(anyText, (text) => {
      expect(ours(text)).toEqual(oracle(text));
    }), { numRuns: 5000 });
  });

  it('reads the same in any pieces as whole', () => {
    fc.assert(fc.property(wellFormed, fc.array(fc.nat(), { maxLength: 4 }), (text, cuts) => {
      const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
      const pieces = [0, ...at].map((start, k) => text.slice(start, [...at, text.length][k]));
      expect(readInPieces(pieces)).toEqual(read(text));
    }));
  });
});
