import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/index';
import { formatImportError } from '@/lib/import/errors';
import { importCsv, importCsvText, type ImportProgress } from '@/lib/import/run';
import { createSeededTestDb, dumpTables } from '../helpers/db';

const HEADER = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body';
const actor = { userId: null, label: 'import: stream.csv' };
let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createSeededTestDb()));
afterEach(() => cleanup());

// A stream that hands the text over in small pieces, splitting records and multi-byte letters.
const chunked = (text: string, size = 7) => {
  const bytes = Buffer.from(text, 'utf8');
  return Readable.from((function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  })());
};

describe('importing a stream', () => {
  it('reads records split across chunks, Cyrillic included, and reports its progress', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `kazakhstan-2022-unrest,detained,all,"Алматы, район ${i}",exact,,${i},,people,2022-02-01,Полиция`);
    const progress: ImportProgress[] = [];
    const summary = await importCsv(db, chunked([HEADER, ...rows].join('\r\n')), actor, { onProgress: (p) => progress.push(p) });
    expect(summary).toMatchObject({ rowsRead: 2500, created: 2500, errors: [] });
    expect(db.$client.prepare("SELECT location, reporting_body FROM figures f JOIN sources s ON s.id = f.source_id WHERE location = 'Алматы, район 2499'").get()).toEqual({
      location: 'Алматы, район 2499',
      reporting_body: 'Полиция',
    });
    expect(progress.filter((p) => p.phase === 'reading').map((p) => (p.phase === 'reading' ? p.rows : 0))).toEqual([1000, 2000, 2500]);
    expect(progress.filter((p) => p.phase === 'writing').map((p) => (p.phase === 'writing' ? p.done : 0))).toEqual([0, 1000, 2000, 2500]);
  });

  it('reports a file that stops being CSV at its line, and writes nothing', async () => {
    const before = dumpTables(db);
    const text = [HEADER, 'kazakhstan-2022-unrest,detained,all,Taraz,exact,,4,,people,2022-02-01,Police', 'kazakhstan-2022-unrest,detained,all,"Oral,exact,,4,,people,2022-02-01,Police'].join('\n');
    const summary = await importCsv(db, chunked(text), actor);
    expect(summary.errors.map(formatImportError)).toEqual([expect.stringMatching(/^line 3: the file is not valid CSV at character \d+ \(column "[a-z_]+"\): the quote that opens this cell is never closed/)]);
    // The row it could not read is read and rejected; the valid one is neither rejected nor written.
    expect(summary).toMatchObject({ rowsRead: 2, rejected: 1, created: 0 });
    expect(dumpTables(db)).toEqual(before);
  });

  it('refuses a file saved in another encoding (Windows-1251 "Алматы") at its first such byte, and writes nothing', async () => {
    const before = dumpTables(db);
    const cp1251 = Buffer.from([0xc0, 0xeb, 0xec, 0xe0, 0xf2, 0xfb]); // Алматы in Windows-1251
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\nkazakhstan-2022-unrest,detained,all,Taraz,exact,,4,,people,2022-02-01,Police\nkazakhstan-2022-unrest,detained,all,`), cp1251, Buffer.from(',exact,,4,,people,2022-02-01,Police\n')]);
    const summary = await importCsv(db, Readable.from([bytes.subarray(0, 200), bytes.subarray(200)]), actor);
    expect(summary.errors.map(formatImportError)).toEqual([
      'line 3: the file is not UTF-8 text at character 37 (column "location"): the byte 0xC0 cannot be read as UTF-8: the file was saved in another encoding (a spreadsheet\'s plain "CSV" often is). Save it as UTF-8 (in a spreadsheet: "CSV UTF-8") and import it again.',
    ]);
    expect(summary).toMatchObject({ created: 0 });
    expect(dumpTables(db)).toEqual(before);
  });

  it('names the line, character and column where a file stops being CSV, after the problems before it, from a text or a stream', async () => {
    const before = dumpTables(db);
    const text = [
      HEADER,
      'kazakhstan-2022-unrest,detained,all,Taraz,exact,,12abc,,people,2022-02-01,Police',
      'kazakhstan-2022-unrest,detained,all,Ta"raz,exact,,4,,people,2022-02-01,Police',
      'kazakhstan-2022-unrest,detained,all,Oral,exact,,4,,people,2022-02-01,Police',
    ].join('\r\n');
    const expected = [
      'line 2, column value_best: "12abc" is not a whole number of 0 or more; enter one like 1300.',
      'line 3: the file is not valid CSV at character 39 (column "location"): a quote inside a cell that does not start with one; put the whole cell in quotes and write the quote twice ("").',
    ];
    expect((await importCsv(db, chunked(text), actor)).errors.map(formatImportError)).toEqual(expected);
    expect(importCsvText(db, text, actor).errors.map(formatImportError)).toEqual(expected);
    expect(dumpTables(db)).toEqual(before);
  });

  it('reports an empty file', async () => {
    expect((await importCsv(db, chunked(''), actor)).errors.map(formatImportError)).toEqual(['line 1: the file is empty; expected a header row and figures.']);
    // A header with nothing under it is said so, not imported as 0 rows.
    const header = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body';
    for (const text of [header, `${header}\n`, `${header}\r\n\r\n`]) {
      expect((await importCsv(db, chunked(text), actor)).errors.map(formatImportError), JSON.stringify(text)).toEqual(['line 2: the file has its header but no figures under it; nothing was imported.']);
    }
  });
});
