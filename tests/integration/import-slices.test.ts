import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/index';
import { importCsvText } from '@/lib/import/run';
import { createSeededTestDb, dumpTables } from '../helpers/db';

// The importer writes a thousand staged rows at a time (db/queries/import-stage.ts): these files
// mix new, changed and unchanged figures across several of those slices.
const HEADER = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body,note,status,retraction_reason';
const actor = { userId: null, label: 'import: slices.csv' };
const row = (i: number, value: number, status = '', reason = '') =>
  `kazakhstan-2022-unrest,detained,all,Slice ${i},exact,,${value},,people,2022-02-01,Slice ministry,row ${i},${status},${reason}`;

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createSeededTestDb()));
afterEach(() => cleanup());

type Entry = { action: string; entity_id: number; location: string };
const auditOfSlices = () =>
  db.$client.prepare(`SELECT a.action, a.entity_id, f.location FROM audit_entries a JOIN figures f ON f.id = a.entity_id
    WHERE a.entity_type = 'figure' AND f.location LIKE 'Slice %' ORDER BY a.id`).all() as Entry[];

describe('an import that spans several slices', () => {
  it('creates new figures in the file’s order, updates changed ones, leaves the rest, and audits each once', () => {
    // Every third row of the first file is missing, so that the second file interleaves new rows
    // with existing ones inside each slice.
    const first = Array.from({ length: 2500 }, (_, i) => i).filter((i) => i % 3 !== 0);
    expect(importCsvText(db, [HEADER, ...first.map((i) => row(i, i))].join('\n'), actor)).toMatchObject({ created: first.length, errors: [] });
    const ids = db.$client.prepare("SELECT location FROM figures WHERE location LIKE 'Slice %' ORDER BY id").pluck().all();
    expect(ids).toEqual(first.map((i) => `Slice ${i}`));

    // New every third; every fifth existing one changed, one of them retracted; the rest the same.
    const second = Array.from({ length: 2500 }, (_, i) => {
      if (i % 3 === 0) return row(i, i);
      if (i === 5) return row(i, i, 'retracted', 'counted twice');
      return row(i, i % 5 === 0 ? i + 1 : i);
    });
    const changed = first.filter((i) => i % 5 === 0);
    const before = dumpTables(db);
    const expected = { created: 2500 - first.length, updated: changed.length, unchanged: first.length - changed.length, errors: [] };
    expect(importCsvText(db, [HEADER, ...second].join('\n'), actor, { dryRun: true })).toMatchObject(expected);
    expect(dumpTables(db)).toEqual(before);
    expect(importCsvText(db, [HEADER, ...second].join('\n'), actor)).toMatchObject(expected);

    const figures = db.$client.prepare("SELECT location, value_best, revision, status FROM figures WHERE location LIKE 'Slice %' ORDER BY id").all() as Array<{
      location: string; value_best: number; revision: number; status: string;
    }>;
    // The first file's figures keep their ids; the new ones follow, in the second file's order.
    expect(figures.map((f) => f.location)).toEqual([...first, ...Array.from({ length: 2500 }, (_, i) => i).filter((i) => i % 3 === 0)].map((i) => `Slice ${i}`));
    for (const f of figures) {
      const i = Number(f.location.slice('Slice '.length));
      const wasChanged = i % 3 !== 0 && i % 5 === 0;
      expect(f).toMatchObject({ value_best: wasChanged && i !== 5 ? i + 1 : i, revision: wasChanged ? 2 : 1, status: i === 5 ? 'retracted' : 'published' });
    }

    const entries = auditOfSlices();
    expect(entries.filter((e) => e.action === 'create')).toHaveLength(2500);
    expect(entries.filter((e) => e.action === 'update').map((e) => e.location)).toEqual(changed.filter((i) => i !== 5).map((i) => `Slice ${i}`));
    expect(entries.filter((e) => e.action === 'retract').map((e) => e.location)).toEqual(['Slice 5']);

    // A third run changes nothing at all.
    const after = dumpTables(db);
    expect(importCsvText(db, [HEADER, ...second].join('\n'), actor)).toMatchObject({ created: 0, updated: 0, unchanged: 2500 });
    expect(dumpTables(db)).toEqual(after);
  });

  it('with keepExisting, creates the new figures and changes none of the others', () => {
    importCsvText(db, [HEADER, ...Array.from({ length: 1500 }, (_, i) => row(i, i))].join('\n'), actor);
    const summary = importCsvText(db, [HEADER, ...Array.from({ length: 3000 }, (_, i) => row(i, i + 7))].join('\n'), actor, { keepExisting: true });
    expect(summary).toMatchObject({ created: 1500, updated: 0, unchanged: 1500 });
    expect(db.$client.prepare("SELECT count(*) FROM figures WHERE location LIKE 'Slice %' AND revision > 1").pluck().get()).toBe(0);
    expect(db.$client.prepare("SELECT value_best FROM figures WHERE location = 'Slice 1499'").pluck().get()).toBe(1499);
    expect(db.$client.prepare("SELECT value_best FROM figures WHERE location = 'Slice 1500'").pluck().get()).toBe(1507);
  });

  it('leaves nothing behind on the connection: a second import on it works, and no temporary table remains', () => {
    importCsvText(db, [HEADER, row(1, 1)].join('\n'), actor, { dryRun: true });
    importCsvText(db, [HEADER, row(1, 1), row(1, 2)].join('\n'), actor);
    expect(importCsvText(db, [HEADER, row(1, 1)].join('\n'), actor)).toMatchObject({ created: 1 });
    expect(db.$client.prepare("SELECT count(*) FROM temp.sqlite_master WHERE name = 'import_stage'").pluck().get()).toBe(0);
  });

  it('works inside a caller’s transaction too (the seed), a refused file included', () => {
    const summaries = db.$client.transaction(() => [
      importCsvText(db, [HEADER, row(1, 1), row(1, 2)].join('\n'), actor),
      importCsvText(db, [HEADER, row(2, 2)].join('\n'), actor, { dryRun: true }),
      importCsvText(db, [HEADER, row(3, 3)].join('\n'), actor),
    ]).immediate();
    expect(summaries.map((s) => [s.created, s.errors.length])).toEqual([[0, 1], [1, 0], [1, 0]]);
    expect(db.$client.prepare("SELECT location FROM figures WHERE location LIKE 'Slice %'").pluck().all()).toEqual(['Slice 3']);
    expect(db.$client.prepare("SELECT count(*) FROM temp.sqlite_master WHERE name = 'import_stage'").pluck().get()).toBe(0);
  });
});
