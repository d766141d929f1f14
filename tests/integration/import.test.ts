import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { writeTransaction, type Db } from '@/db/index';
import { auditEntries, figures } from '@/db/schema';
import { formatImportError } from '@/lib/import/errors';
import { importCsvText } from '@/lib/import/run';
import { seedDatabase } from '@/lib/seed';
import { createSeededTestDb, dumpTables } from '../helpers/db';

const HEADER = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body,publisher,source_title,source_url,quote,note';
const actor = { userId: null, label: 'import: test.csv' };

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createSeededTestDb()));
afterEach(() => cleanup());

describe('CSV import', () => {
  it('reports every problem with its line and column and writes nothing', () => {
    const before = dumpTables(db);
    const csv = [
      HEADER,
      'kazakhstan-2022-unrest,deaths,all,Almaty,exact,,12abc,,people,2022-01-20,Ministry,,,,,',
      'kazakhstan-2022-unrest,deaths,all,Almaty,exact,,5,,people,2022-01-21,Ministry,,,javascript:alert(1),,',
      '"kazakhstan-2022-unrest",injured,all,"Multi',
      'line place",exact,9,,3,people,2999-01-01,Ministry,,,,,',
      'kazakhstan-2022-unrest,deaths,all,X,exact,9,5,3,people,2022-01-22,Ministry,,,,,',
      'kazakhstan-2022-unrest,deaths,all,X,exact,,1,,people,2022-01-23,Ministry,,,,,',
      'kazakhstan-2022-unrest,deaths,all,X,more_than,300,,200,people,2022-01-24,Ministry,,,,,',
    ].join('\n');
    const summary = importCsvText(db, csv, actor);
    expect(summary.errors.map(formatImportError)).toEqual([
      'line 2, column value_best: "12abc" is not a whole number of 0 or more; enter one like 1300.',
      'line 3, column source_url: Enter a web address starting with http:// or https://.',
      'line 4, column location: Remove the control characters and line breaks.',
      // Within a line, in the order of the columns (value_low comes before reported_on here).
      'line 4, column value_low: Low must not be greater than high.',
      'line 4, column reported_on: 2999-01-01 is in the future; enter the date it was reported.',
      'line 6, column value_low: Low must not be greater than high.',
      // A range given as a bound: the qualifier column, before the range's own problem.
      'line 8, column qualifier: A range already gives its low and high: choose the qualifier "exact" or "about" for it, or give one number instead of the range.',
      'line 8, column value_low: Low must not be greater than high.',
    ]);
    expect(summary).toMatchObject({ created: 0, rejected: 5 });
    expect(dumpTables(db)).toEqual(before);
  });

  it("reports a header's problems in the order of its columns, a nameless one by its number", () => {
    const before = dumpTables(db);
    const header = HEADER.replace('event_slug,metric', 'event_slug,,metric') + ',bogus';
    const summary = importCsvText(db, `${header}\nkazakhstan-2022-unrest,,deaths,all,X,exact,,1,,people,2022-01-22,Ministry,,,,,,`, actor);
    expect(summary.errors.filter((e) => e.line === 1).map((e) => e.column)).toEqual(['2', 'bogus']);
    expect(dumpTables(db)).toEqual(before);
  });

  it('reports unknown events and metrics once the rows are valid, and writes nothing', () => {
    const before = dumpTables(db);
    const csv = [HEADER, 'nowhere-event,bogus,all,X,exact,,1,,people,2022-01-22,Ministry,,,,,', 'kazakhstan-2022-unrest,deaths,all,Y,exact,,1,,people,2022-01-22,Ministry,,,,,'].join('\n');
    const summary = importCsvText(db, csv, actor);
    expect(summary.errors.map(formatImportError)).toEqual([
      'line 2, column event_slug: unknown event "nowhere-event"; create the event first.',
      expect.stringMatching(/^line 2, column metric: unknown metric "bogus"; known metrics: deaths, injured/),
    ]);
    expect(dumpTables(db)).toEqual(before);
  });

  it("refuses a row counted in another unit than its metric's, at its unit, even beside invalid rows, and writes nothing", () => {
    const before = dumpTables(db);
    const wrongUnit = [
      'kazakhstan-2022-unrest,economic_damage,all,Kostanay,exact,,5,,people,2022-01-22,Ministry,,,,,',
      'kazakhstan-2022-unrest,deaths,all,Y,exact,,1,,KZT,2022-01-22,Ministry,,,,,',
      'kazakhstan-2022-unrest,deaths,all,Z,exact,,1,,people,2022-01-22,Ministry,,,,,',
    ];
    const expected = [
      'line 2, column unit: Economic damage is counted in KZT, not “people”: give the figure in KZT (say in the note if you converted it), or choose another metric.',
      'line 3, column unit: Deaths is counted in people, not “KZT”: give the figure in people (say in the note if you converted it), or choose another metric.',
    ];
    const valid = importCsvText(db, [HEADER, ...wrongUnit].join('\n'), actor);
    expect(valid.errors.map(formatImportError)).toEqual(expected);
    expect(valid).toMatchObject({ created: 0, rejected: 2 });
    // With an invalid row in the file, the other rows' units are still checked in the same pass.
    const mixed = importCsvText(db, [HEADER, ...wrongUnit, 'kazakhstan-2022-unrest,deaths,all,W,exact,,-1,,people,2022-01-22,Ministry,,,,,'].join('\n'), actor);
    expect(mixed.errors.map(formatImportError)).toEqual([...expected, 'line 5, column value_best: "-1" is not a whole number of 0 or more; enter one like 1300.']);
    expect(dumpTables(db)).toEqual(before);
    // The metric's unit with spaces around it is that unit.
    const spaced = importCsvText(db, [HEADER, 'kazakhstan-2022-unrest,economic_damage,all,Kostanay,exact,,5,,  KZT ,2022-01-22,Ministry,,,,,'].join('\n'), actor);
    expect(spaced).toMatchObject({ created: 1, errors: [] });
    expect(db.$client.prepare("SELECT unit FROM figures WHERE location = 'Kostanay'").pluck().get()).toBe('KZT');
  });

  it('refuses a file whose header lacks a required column', () => {
    // Several missing: one message naming them all; one missing: named alone.
    const summary = importCsvText(db, 'event_slug,metric\nx,y\n', actor);
    expect(summary.errors.map(formatImportError)).toEqual([
      'line 1: 9 required columns are missing: "group", "location", "qualifier", "value_low", "value_best", "value_high", "unit", "reported_on", "reporting_body".',
    ]);
    const oneShort = HEADER.split(',').filter((c) => c !== 'unit').join(',');
    expect(importCsvText(db, `${oneShort}\n`, actor).errors.map(formatImportError)).toEqual(['line 1: the required column "unit" is missing.']);
  });

  it('names, for an unknown column, the columns it reads and those of an export it ignores', () => {
    const summary = importCsvText(db, `${HEADER},colour\n`, actor);
    const [message] = summary.errors.map(formatImportError);
    expect(message).toMatch(/^line 1, column colour: unknown column "colour"; expected columns: event_slug, metric, .*; an export's other columns are accepted and ignored: event_name, metric_label, figure_id, revision, updated_at, source_id, standing\.$/);
    // The list once: a header of many unknown columns names each, without the list again.
    const many = importCsvText(db, `${HEADER},colour,size,weight\n`, actor).errors.map(formatImportError);
    expect(many.slice(1)).toEqual(['line 1, column size: unknown column "size".', 'line 1, column weight: unknown column "weight".']);
  });

  it('says so when the columns are separated by semicolons or tabs (a spreadsheet\'s "CSV" in some languages), and writes nothing', () => {
    const before = dumpTables(db);
    // A spreadsheet quotes a cell that holds its separator: a comma reader would stumble on those quotes too.
    const row = 'kazakhstan-2022-unrest;deaths;all;Shymkent;exact;;3;;people;2022-01-22;"Ministry; of Health";;;;"He said ""3"";";';
    for (const [separator, name] of [[';', 'semicolons (;)'], ['\t', 'tabs']]) {
      const csv = [HEADER.split(',').join(separator), row.split(';').join(separator)].join('\n');
      const summary = importCsvText(db, csv, actor);
      expect(summary.errors.map(formatImportError)).toEqual([
        `line 1: the columns are separated by ${name}, not commas; save the file as CSV with commas (in Excel: Save As, "CSV UTF-8 (Comma delimited)") and import it again.`,
      ]);
    }
    // Columns missing too: still the one message, not one for each missing column.
    expect(importCsvText(db, 'event_slug;metric;group\nkazakhstan-2022-unrest;deaths;all\n', actor).errors.map(formatImportError)).toEqual([
      'line 1: the columns are separated by semicolons (;), not commas; save the file as CSV with commas (in Excel: Save As, "CSV UTF-8 (Comma delimited)") and import it again.',
    ]);
    // One known name beside an unknown one is not taken for a separated header.
    expect(importCsvText(db, 'event_slug;colour\nx;y\n', actor).errors.map(formatImportError)).toContainEqual(expect.stringMatching(/^line 1: 11 required columns are missing: "event_slug", "metric", /));
    expect(dumpTables(db)).toEqual(before);
  });

  it('refuses the same figure twice in one file', () => {
    const row = 'kazakhstan-2022-unrest,deaths,all,Shymkent,exact,,3,,people,2022-01-22,Ministry,,,,,';
    const summary = importCsvText(db, [HEADER, row, row].join('\n'), actor);
    expect(summary.errors.map(formatImportError)).toEqual([
      'line 3: the same figure (event, metric, group, location, source and date) is already on line 2.',
    ]);
    expect(db.$client.prepare("SELECT count(*) AS n FROM figures WHERE location = 'Shymkent'").get()).toEqual({ n: 0 });
  });

  it('updates a changed figure, keeps its identity and audits the change; a dry run writes nothing', () => {
    const row = (n: number) => `kazakhstan-2022-unrest,deaths,all,Shymkent,exact,,${n},,people,2022-01-22,Ministry,,,,,`;
    expect(importCsvText(db, [HEADER, row(3)].join('\n'), actor)).toMatchObject({ created: 1 });
    const before = dumpTables(db);
    expect(importCsvText(db, [HEADER, row(4)].join('\n'), actor, { dryRun: true })).toMatchObject({ updated: 1, dryRun: true });
    expect(dumpTables(db)).toEqual(before);
    expect(importCsvText(db, [HEADER, row(4)].join('\n'), actor)).toMatchObject({ updated: 1, created: 0 });
    const figure = db.$client.prepare("SELECT id, value_best, revision FROM figures WHERE location = 'Shymkent'").get() as { id: number };
    expect(figure).toMatchObject({ value_best: 4, revision: 2 });
    const audit = db.$client.prepare("SELECT action, actor FROM audit_entries WHERE entity_type = 'figure' AND entity_id = ? ORDER BY id").all(figure.id);
    expect(audit).toEqual([
      { action: 'create', actor: 'import: test.csv' },
      { action: 'update', actor: 'import: test.csv' },
    ]);
  });

  it('names the sources it created (a dry run: would create), and none it found or when it fails', () => {
    // The address to parliament, quoted again but dated the 15th: another source, said at once.
    const address = db.$client.prepare("SELECT reporting_body, title FROM sources WHERE reporting_body LIKE '%address to parliament%'").get() as { reporting_body: string; title: string };
    const rows = [
      `kazakhstan-2022-unrest,injured,civilians,Kazakhstan,exact,,400,,people,2022-01-15,${address.reporting_body},,${address.title},,,`,
      `kazakhstan-2022-unrest,injured,civilians,Almaty,exact,,300,,people,2022-01-15,${address.reporting_body},,${address.title},,,`,
      `kazakhstan-2022-unrest,injured,civilians,Shymkent,exact,,30,,people,2022-01-11,${address.reporting_body},,${address.title},,,`,
    ];
    const csv = [HEADER, ...rows].join('\n');
    const newSource = { reportingBody: address.reporting_body, publisher: '', publishedOn: '2022-01-15' };
    expect(importCsvText(db, csv, actor, { dryRun: true })).toMatchObject({ created: 3, newSources: [newSource] });
    expect(importCsvText(db, csv, actor)).toMatchObject({ created: 3, newSources: [newSource] });
    expect(importCsvText(db, csv, actor)).toMatchObject({ unchanged: 3, newSources: [] });
    expect(importCsvText(db, [HEADER, rows[0]!.replace('2022-01-15', '2022-01-16'), 'x'].join('\n'), actor)).toMatchObject({ created: 0, newSources: [] });
  });
});

describe('audit entries of imported figures', () => {
  it('hold the created figure as the database holds it, the same keys in the same order as the admin form’s', () => {
    const note = 'said "about" 3,\ttabbed\nand on — «два» lines';
    const csv = [HEADER, `kazakhstan-2022-unrest,deaths,civilians,Taraz,about,2,3,4,people,2022-01-22,Ministry,,,,"=quoted","${note.replaceAll('"', '""')}"`].join('\n');
    expect(importCsvText(db, csv, actor)).toMatchObject({ created: 1, errors: [] });
    const figure = db.select().from(figures).where(eq(figures.location, 'Taraz')).get()!;
    expect(figure).toMatchObject({ note, quote: '=quoted', valueLow: 2, valueHigh: 4 });
    const entry = db.select().from(auditEntries).where(and(eq(auditEntries.entityType, 'figure'), eq(auditEntries.entityId, figure.id))).get()!;
    expect(entry).toMatchObject({ action: 'create', actor: 'import: test.csv', before: null });
    expect(entry.after).toStrictEqual(figure);
    expect(Object.keys(entry.after as object)).toEqual(Object.keys(figure));
  });
});

describe('line numbers', () => {
  it('stay right after cells with line breaks, whether LF, CRLF or CR', () => {
    const ok = (n: number, note: string) => `kazakhstan-2022-unrest,deaths,all,Place ${n},exact,,${n},,people,2022-01-22,Ministry,,,,,"${note}"`;
    const bad = 'kazakhstan-2022-unrest,deaths,all,Bad,exact,,12abc,,people,2022-01-22,Ministry,,,,,';
    const csv = [HEADER, ok(1, 'one\r\ntwo'), bad, ok(2, 'a\nb\nc'), bad, ok(3, 'x\r\ny\r\nz'), bad].join('\r\n');
    const summary = importCsvText(db, csv, actor);
    expect(summary.errors.map((e) => e.line)).toEqual([4, 8, 12]);
  });
});

describe('re-importing over edited figures', () => {
  const base = 'kazakhstan-2022-unrest,deaths,all,Shymkent,exact,,3,,people,2022-01-22,Ministry';
  const figure = () =>
    db.$client.prepare("SELECT id, status, retraction_reason, note, revision FROM figures WHERE location = 'Shymkent'").get() as {
      id: number; status: string; retraction_reason: string | null; note: string; revision: number;
    };
  const actions = (id: number) =>
    (db.$client.prepare("SELECT action FROM audit_entries WHERE entity_type = 'figure' AND entity_id = ? ORDER BY id").all(id) as Array<{ action: string }>).map((a) => a.action);

  it('keeps what columns the file lacks: a retraction and a note survive a file without them', () => {
    importCsvText(db, [HEADER, `${base},,,,,an editor's note`].join('\n'), actor);
    // An editor's change, committed as every write of the app is (series summaries refreshed).
    writeTransaction(db, () => db.$client.prepare("UPDATE figures SET status = 'retracted', retraction_reason = 'wrong city' WHERE location = 'Shymkent'").run());
    const before = dumpTables(db);
    const short = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body';
    expect(importCsvText(db, [short, base].join('\n'), actor)).toMatchObject({ unchanged: 1, updated: 0 });
    expect(dumpTables(db)).toEqual(before);
    expect(figure()).toMatchObject({ status: 'retracted', retraction_reason: 'wrong city', note: "an editor's note" });
  });

  it('records a change of status as a retraction or a restoration', () => {
    const withStatus = `${HEADER},status,retraction_reason`;
    importCsvText(db, [withStatus, `${base},,,,,,,`].join('\n'), actor);
    importCsvText(db, [withStatus, `${base},,,,,,retracted,duplicate`].join('\n'), actor);
    importCsvText(db, [withStatus, `${base},,,,,,published,`].join('\n'), actor);
    const f = figure();
    expect(f).toMatchObject({ status: 'published', retraction_reason: null, revision: 3 });
    expect(actions(f.id)).toEqual(['create', 'retract', 'restore']);
  });

  it('seeding never undoes an editor’s change to a seeded figure', () => {
    writeTransaction(db, () => db.$client.prepare('UPDATE figures SET value_best = 231 WHERE value_best = 230').run());
    const before = dumpTables(db);
    expect(seedDatabase(db).imports[0]).toMatchObject({ unchanged: 35, updated: 0, created: 0 });
    expect(dumpTables(db)).toEqual(before);
  });
});
