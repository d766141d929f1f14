import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/index';
import { restoreFormula } from '@/lib/export/formula';
import { formatImportError } from '@/lib/import/errors';
import { importCsvText } from '@/lib/import/run';
import { createSeededTestDb } from '../helpers/db';
import { hostileString, MEGABYTE_STRING, propertyRuns } from '../helpers/hostile';
import { writeState } from '../helpers/write-state';

let db: Db;
let cleanup: () => void;
beforeAll(() => {
  ({ db, cleanup } = createSeededTestDb());
});
afterAll(() => cleanup());

const HEADER = ['event_slug', 'metric', 'group', 'location', 'qualifier', 'value_low', 'value_best', 'value_high', 'unit', 'reported_on', 'reporting_body', 'publisher', 'source_title', 'source_url', 'quote', 'note', 'status', 'retraction_reason'] as const;
type Column = (typeof HEADER)[number];

let unique = 0;
/** A one-figure CSV (written by Papa Parse, independent of the export's writer) with `column` set to `value`. */
function csvWith(column: Column, value: string): string {
  unique++;
  const row: Record<Column, string> = {
    event_slug: 'kazakhstan-2022-unrest', metric: 'deaths', group: 'all', location: `place ${unique}`, qualifier: 'exact', value_low: '', value_best: '7',
    value_high: '', unit: 'people', reported_on: '2022-03-01', reporting_body: 'Import fuzz ministry', publisher: '', source_title: '', source_url: '',
    quote: '', note: '', status: '', retraction_reason: '',
  };
  if (column === 'location') row.group = `group ${unique}`;
  row[column] = value;
  return Papa.unparse({ fields: [...HEADER], data: [HEADER.map((c) => row[c])] }, { newline: '\r\n' });
}

// What each column is stored as, read back by the figure's identity.
const STORED: Partial<Record<Column, string>> = {
  group: 'f.group_name', location: 'f.location', unit: 'f.unit', quote: "coalesce(f.quote, '')", note: 'f.note', reporting_body: 's.reporting_body',
  publisher: 's.publisher', source_title: 's.title', source_url: 's.url',
};

function lastFigure(column: string): unknown {
  return db.$client.prepare(`SELECT ${column} FROM figures f JOIN sources s ON s.id = f.source_id ORDER BY f.id DESC LIMIT 1`).pluck().get();
}

/**
 * The property: the file is refused with every problem as "line 2, column C: …" naming the
 * column that was changed, and the database is as it was; or the figure is imported and the
 * column holds exactly the cell's text (trimmed, and with the export's formula quote removed).
 */
function refusedAtColumnOrStoredExactly(column: Column, raw: string): void {
  // A file is bytes: a lone surrogate cannot be written to one as UTF-8, and becomes U+FFFD.
  const value = Buffer.from(raw, 'utf8').toString('utf8');
  const before = writeState(db);
  const summary = importCsvText(db, csvWith(column, value), { userId: null, label: 'import: fuzz.csv' });
  if (summary.errors.length) {
    const lines = summary.errors.map(formatImportError);
    expect(lines.some((l) => l.startsWith(`line 2, column ${column}: `))).toBe(true);
    for (const line of lines) expect(line).toMatch(/^line \d+, column [a-z_]+: \S/);
    expect(summary).toMatchObject({ created: 0, updated: 0 });
    expect(writeState(db)).toEqual(before);
  } else {
    expect(summary).toMatchObject({ created: 1, rejected: 0 });
    const sql = STORED[column];
    if (sql) expect(lastFigure(sql)).toBe(restoreFormula(value).trim());
  }
}

describe('the CSV import with hostile cells', () => {
  it.each(Object.keys(STORED) as Column[])('%s: refused at its line and column, or stored exactly', (column) => {
    fc.assert(fc.property(hostileString, (s) => refusedAtColumnOrStoredExactly(column, s)), propertyRuns(150));
  });

  it.each(['event_slug', 'metric', 'qualifier', 'value_best', 'reported_on', 'status'] as const)('%s: anything not plainly valid is refused at its line and column', (column) => {
    fc.assert(fc.property(hostileString, (s) => refusedAtColumnOrStoredExactly(column, s)), propertyRuns(100));
  });

  it('stored source addresses are only ever http or https', () => {
    const urls = db.$client.prepare("SELECT url FROM sources WHERE url <> ''").pluck().all() as string[];
    for (const url of urls) expect(url).toMatch(/^https?:\/\/[^/]/i);
  });

  it.each([
    ['value_best', '1e309', 'line 2, column value_best: "1e309" is not a whole number of 0 or more; enter one like 1300.'],
    ['value_best', '-0', 'line 2, column value_best: "-0" is not a whole number of 0 or more; enter one like 1300.'],
    ['value_best', '0x10', 'line 2, column value_best: "0x10" is not a whole number of 0 or more; enter one like 1300.'],
    ['value_best', '9007199254740993', 'line 2, column value_best: "9007199254740993" is too large; enter a number no larger than 9,007,199,254,740,991.'],
    ['value_best', '12abc', 'line 2, column value_best: "12abc" is not a whole number of 0 or more; enter one like 1300.'],
    // The cell is quoted as it was, escaped where a terminal or log would obey it, and shortened.
    ['value_best', '12\u001b[2Jabc', 'line 2, column value_best: "12\ufffd[2Jabc" is not a whole number of 0 or more; enter one like 1300.'],
    ['value_best', `${'9'.repeat(45)}x`, `line 2, column value_best: "${'9'.repeat(40)}…" is not a whole number of 0 or more; enter one like 1300.`],
    ['source_url', 'javascript:alert(1)', 'line 2, column source_url: Enter a web address starting with http:// or https://.'],
    ['source_url', 'data:text/html,<script>alert(1)</script>', 'line 2, column source_url: Enter a web address starting with http:// or https://.'],
    ['note', 'MEGABYTE_STRING', 'line 2, column note: Use at most 2,000 characters (this has 1,048,601).'],
    ['location', 'a\u0000b', 'line 2, column location: Remove the control characters and line breaks.'],
  ] as const)('%s = %j is refused: %s', (column, value, message) => {
    const before = writeState(db);
    const summary = importCsvText(db, csvWith(column, value === 'MEGABYTE_STRING' ? MEGABYTE_STRING : value), { userId: null, label: 'import: fuzz.csv' });
    expect(summary.errors.map(formatImportError)).toEqual([message]);
    expect(writeState(db)).toEqual(before);
  });

  it('one hostile row among good ones: nothing of the file is written', () => {
    const good = csvWith('note', 'fine');
    const bad = csvWith('value_best', "'; DROP TABLE figures; --").split('\r\n')[1];
    const before = writeState(db);
    const summary = importCsvText(db, `${good}\r\n${bad}`, { userId: null, label: 'import: fuzz.csv' });
    expect(summary.errors.map(formatImportError)).toEqual(['line 3, column value_best: "\'; DROP TABLE figures; --" is not a whole number of 0 or more; enter one like 1300.']);
    expect(writeState(db)).toEqual(before);
  });
});
