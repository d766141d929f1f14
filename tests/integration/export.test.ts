import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/figures.csv/route';
import { closeDb, getDb, type Db } from '@/db/index';
import { figureExportQuery } from '@/db/queries/figure-export';
import { EXPORT_COLUMNS } from '@/lib/export/csv';
import { restoreFormula } from '@/lib/export/formula';
import { DOWNLOAD_STALL_MS, figureCsvStream, ROWS_PER_CHUNK } from '@/lib/export/stream';
import { importCsvText } from '@/lib/import/run';
import { seedDatabase } from '@/lib/seed';
import { createSeededTestDb, createTestDb } from '../helpers/db';
import { AWKWARD_FIGURES_CSV, exportText, figuresInDb, papaRows } from '../helpers/data';
import { restoreEnv } from '../helpers/env';

const actor = { userId: null, label: 'import: test.csv' };
const original = process.env.DATABASE_PATH;
let db: Db;
let file: string;
let cleanup: () => void;
beforeEach(() => {
  ({ db, file, cleanup } = createSeededTestDb());
  process.env.DATABASE_PATH = file;
});
afterEach(() => {
  closeDb();
  restoreEnv('DATABASE_PATH', original);
  cleanup();
});

const get = (query: string) => GET(new Request(`http://localhost/api/figures.csv${query}`));
const NUMERIC = new Set(['value_low', 'value_best', 'value_high', 'figure_id', 'revision', 'source_id']);

describe('GET /api/figures.csv', () => {
  it('answers the event’s 35 published figures as a UTF-8 CSV download named after the event and today', async () => {
    const res = get('?event=kazakhstan-2022-unrest');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const today = new Date().toISOString().slice(0, 10);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="kazakhstan-2022-unrest-figures-${today}.csv"`);
    const text = await res.text();
    expect(text.split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(','));
    const rows = papaRows(text);
    expect(rows).toHaveLength(35);
    expect(rows.map((r) => Number(r.figure_id))).toEqual(figuresInDb(db).map((f) => f.figure_id));
  });

  it('names an export of every event all-events', () => {
    expect(get('').headers.get('content-disposition')).toMatch(/^attachment; filename="all-events-figures-\d{4}-\d{2}-\d{2}\.csv"$/);
  });

  it('filters by metric, group, location and reported-on dates, inclusive', async () => {
    const all = figuresInDb(db);
    const rows = papaRows(await get('?metric=deaths&group=law+enforcement&location=Kazakhstan&from=2022-01-10&to=2022-01-11').text());
    const expected = all.filter(
      (f) => f.metric === 'deaths' && f.group === 'law enforcement' && f.location === 'Kazakhstan' && String(f.reported_on) >= '2022-01-10' && String(f.reported_on) <= '2022-01-11',
    );
    expect(expected.length).toBeGreaterThan(1);
    expect(rows.map((r) => Number(r.figure_id))).toEqual(expected.map((f) => f.figure_id));
  });

  it('leaves retracted figures out unless asked for them', async () => {
    importCsvText(db, AWKWARD_FIGURES_CSV, actor);
    const statuses = async (q: string) => papaRows(await get(q).text()).map((r) => r.status);
    expect(new Set(await statuses(''))).toEqual(new Set(['published']));
    expect(await statuses('?status=retracted')).toEqual(['retracted']);
    expect(await statuses('?status=all')).toHaveLength(39);
  });

  it('adds the HXL hashtag row under the header, with the metric’s own tag when filtered to one metric', async () => {
    const lines = (await get('?metric=injured&hxl=1').text()).split('\r\n');
    expect(lines[1]).toMatch(/^#event\+code,#event\+name,#indicator\+code,#indicator\+name,#population\+group,#loc\+name,#meta\+qualifier,#affected\+injured\+min,#affected\+injured,#affected\+injured\+max,/);
    expect(lines[2]).toMatch(/^kazakhstan-2022-unrest,/);
  });

  it.each([
    ['?from=2022-13-01', 'from: "2022-13-01" is not a date; use YYYY-MM-DD, like 2022-01-11.', 'from'],
    ['?status=deleted', 'status: use one of: published, retracted, all.', 'status'],
    ['?evnt=kazakhstan-2022-unrest', 'evnt: unknown parameter; use event, metric, group, location, from, to, status, hxl.', 'evnt'],
  ])('answers 400 with a JSON message for %s', async (query, message, parameter) => {
    const res = get(query);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: message, errors: [{ parameter, message: message.slice(parameter.length + 2) }] });
  });

  it('answers 404 for an event or metric that does not exist', async () => {
    const res = get('?event=atlantis-2020&metric=deaths');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'event: there is no event with the slug "atlantis-2020".' });
    expect(await get('?metric=ghosts').json()).toMatchObject({ error: expect.stringMatching(/^metric: there is no metric with the key "ghosts"; known metrics: deaths, injured, [a-z_, ]+\.$/) });
  });
});

describe('the export read by an independent parser', () => {
  it('matches the database exactly: quotes, commas, line breaks, Cyrillic and formula-like cells', async () => {
    expect(importCsvText(db, AWKWARD_FIGURES_CSV, actor).errors).toEqual([]);
    // Cells starting with a tab or carriage return cannot come through the importer (it trims),
    // but an editor's form or a script could store them.
    db.$client.prepare("UPDATE figures SET note = char(9) || 'tabbed', quote = char(13) || 'cr' WHERE location = 'Kazakhstan' AND qualifier = 'unknown' AND metric_id = (SELECT id FROM metrics WHERE key = 'economic_damage') AND reported_on = '2022-01-23'").run();
    const text = await exportText(file, 'status=all');
    const parsed = papaRows(text);
    const expected = figuresInDb(db);
    expect(parsed).toHaveLength(expected.length);
    parsed.forEach((cells, i) => {
      const figure = expected[i]!;
      expect(Object.keys(cells)).toEqual([...EXPORT_COLUMNS]);
      for (const column of EXPORT_COLUMNS) {
        const value = figure[column];
        const cell = cells[column]!;
        if (value === null) expect(cell, column).toBe('');
        else if (NUMERIC.has(column)) expect(cell, column).toBe(String(value));
        else expect(restoreFormula(cell), column).toBe(value);
        // No text cell may start a formula, whatever the database holds.
        if (!NUMERIC.has(column)) expect(cell, `${column} of figure ${figure.figure_id}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    });
    const byLocation = (l: string) => parsed.find((r) => r.location === l)!;
    expect(byLocation('Алматы, "центр"')).toMatchObject({ group: 'гражданские', publisher: `'=HYPERLINK("http://evil.example","click")`, quote: 'Сказал: "более 500"' });
    expect(byLocation("'@Zhanaozen")).toMatchObject({ group: "'+civilians", reporting_body: "'-Ministry", quote: "'=1+2", note: 'line one\nline two\r\nline three', value_low: '10', value_high: '14' });
    expect(parsed.find((r) => r.status === 'retracted')).toMatchObject({ quote: "''=already quoted", note: "'Twas said", retraction_reason: "'=bad, wrong figure" });
    expect(parsed.find((r) => r.note === "'\ttabbed")).toMatchObject({ quote: "'\rcr" });
  });
});

describe('standing', () => {
  const standings = async () => Object.fromEntries(papaRows(await exportText(file, 'status=all')).map((r) => [r.figure_id, r.standing]));
  const reference = () => Object.fromEntries(figuresInDb(db).map((f) => [String(f.figure_id), f.standing]));

  it('marks the number each count shows as latest, the reports it replaced superseded, and the retracted', async () => {
    const rows = papaRows(await exportText(file, 'metric=deaths&group=all&location=Kazakhstan&status=all'));
    // The official toll went 164, 225, 230: only 230 is the count's latest.
    expect(rows.map((r) => [r.value_best, r.standing])).toEqual(expect.arrayContaining([['164', 'superseded'], ['225', 'superseded'], ['230', 'latest']]));
    expect(rows.filter((r) => r.standing === 'latest')).toHaveLength(1);
    expect(await standings()).toEqual(reference());
  });

  it('asks the stored headlines by their index, not each count by its reports (a test of the plan)', () => {
    const { sql } = figureExportQuery({ status: 'all', group: '', location: '' });
    const plan = (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ afterId: 0 }) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    expect(plan).toContain('series_summaries_headline_idx (headline_id=?)');
    // A stale count's latest report is found once per statement, not once per figure of the count.
    expect(plan).toContain('MATERIALIZE stale_latest');
    const lines = plan.split('\n');
    expect(lines.filter((l) => l.startsWith('SEARCH g '))).toHaveLength(1);
    expect(lines.findIndex((l) => l.startsWith('SEARCH g '))).toBeGreaterThan(lines.indexOf('MATERIALIZE stale_latest'));
  });

  it('follows every write, a retraction of the latest and a change made in the sqlite3 shell included', async () => {
    const toll = db.$client.prepare("SELECT id FROM figures WHERE value_best = 230").pluck().get() as number;
    const earlier = db.$client.prepare("SELECT id FROM figures WHERE value_best = 225 AND metric_id = (SELECT metric_id FROM figures WHERE id = ?)").pluck().get(toll) as number;
    db.$client.prepare("UPDATE figures SET status = 'retracted', retraction_reason = 'test' WHERE id = ?").run(toll);
    // Changed outside the app: the stored summary is stale until the next write refreshes it, and
    // the export takes the count's latest from its reports meanwhile.
    expect(db.$client.prepare('SELECT count(*) FROM series_stale').pluck().get()).toBeGreaterThan(0);
    let found = await standings();
    expect([found[String(toll)], found[String(earlier)]]).toEqual(['retracted', 'latest']);
    expect(found).toEqual(reference());
    // An import (it refreshes the summaries before it commits) with a newer report of the toll.
    expect(importCsvText(db, ['event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body',
      'kazakhstan-2022-unrest,deaths,all,Kazakhstan,exact,,238,,people,2023-01-05,Prosecutor General'].join('\n'), actor).errors).toEqual([]);
    expect(db.$client.prepare('SELECT count(*) FROM series_stale').pluck().get()).toBe(0);
    found = await standings();
    expect(found[String(earlier)]).toBe('superseded');
    expect(Object.values(found).filter((s) => s === 'latest')).toHaveLength(Object.values(reference()).filter((s) => s === 'latest').length);
    expect(found).toEqual(reference());
  });
});

describe('streaming', () => {
  const bigImport = (n: number) =>
    [
      'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body',
      ...Array.from({ length: n }, (_, i) => `kazakhstan-2022-unrest,detained,all,Place ${i},exact,,${i},,people,2022-02-01,Synthetic Ministry`),
    ].join('\n');

  it('sends the header and the first rows before the query has ended, and lets go of the database when cancelled', async () => {
    expect(importCsvText(db, bigImport(3 * ROWS_PER_CHUNK), actor).created).toBe(3 * ROWS_PER_CHUNK);
    const reader = figureCsvStream(file, { status: 'published', group: '', location: '' }).getReader();
    const decoder = new TextDecoder();
    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe(`${EXPORT_COLUMNS.join(',')}\r\n`);
    const second = decoder.decode((await reader.read()).value);
    expect(second.split('\r\n').filter(Boolean)).toHaveLength(ROWS_PER_CHUNK);

    // The export holds a read snapshot of its own while it is under way: a checkpoint cannot
    // reset the log under it, and the process's shared connection stays free for other requests.
    db.$client.prepare("UPDATE events SET description = 'changed'").run();
    db.$client.pragma('busy_timeout = 0');
    expect(db.$client.pragma('wal_checkpoint(TRUNCATE)')).toEqual([expect.objectContaining({ busy: 1 })]);
    expect(getDb().$client.prepare('SELECT count(*) AS n FROM figures').get()).toEqual({ n: 3 * ROWS_PER_CHUNK + 35 });

    await reader.cancel();
    expect(db.$client.pragma('wal_checkpoint(TRUNCATE)')).toEqual([expect.objectContaining({ busy: 0 })]);
  });

  it('ends a download whose reader stops taking it, letting go of its snapshot, and not one read steadily', async () => {
    importCsvText(db, bigImport(3 * ROWS_PER_CHUNK), actor);
    const filters = { status: 'published', group: '', location: '' } as const;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const stalled = figureCsvStream(file, filters, { stallAfterMs: 1000 }).getReader();
      await stalled.read();
      await stalled.read();
      db.$client.prepare("UPDATE events SET description = 'changed'").run();
      db.$client.pragma('busy_timeout = 0');
      vi.advanceTimersByTime(999);
      expect(db.$client.pragma('wal_checkpoint(TRUNCATE)')).toEqual([expect.objectContaining({ busy: 1 })]);
      vi.advanceTimersByTime(1);
      expect(db.$client.pragma('wal_checkpoint(TRUNCATE)')).toEqual([expect.objectContaining({ busy: 0 })]);
      await expect(stalled.read()).rejects.toThrow('the download was ended: its reader took nothing for 1000 ms');

      // The download route ends a stalled client's download after DOWNLOAD_STALL_MS.
      const download = get('?status=all').body!.getReader();
      await download.read();
      await download.read();
      vi.advanceTimersByTime(DOWNLOAD_STALL_MS);
      await expect(download.read()).rejects.toThrow(`its reader took nothing for ${DOWNLOAD_STALL_MS} ms`);

      // A reader taking each chunk within the limit reads it all, however long the whole takes.
      const steady = figureCsvStream(file, filters, { stallAfterMs: 1000 }).getReader();
      let lines = 0;
      for (let chunk = await steady.read(); !chunk.done; chunk = await steady.read()) {
        lines += new TextDecoder().decode(chunk.value).split('\r\n').length - 1;
        vi.advanceTimersByTime(999);
      }
      expect(lines).toBe(1 + 3 * ROWS_PER_CHUNK + 35);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads all rows of a large export', async () => {
    importCsvText(db, bigImport(3000), actor);
    expect(papaRows(await exportText(file, 'metric=detained'))).toHaveLength(3000 + figuresInDb(db).filter((f) => f.metric === 'detained' && f.status === 'published' && !String(f.location).startsWith('Place ')).length);
  });
});

describe('round trip', () => {
  it('a figure whose date was moved away from its source\'s date imports back as itself, not as a new figure of a new source', async () => {
    // As an editor moving the toll of 225's "Reported on" in the admin form: its source keeps its own date.
    const moved = db.$client.prepare("SELECT id FROM figures WHERE value_best = 225").pluck().get() as number;
    db.$client.prepare("UPDATE figures SET reported_on = '2023-02-01', revision = revision + 1 WHERE id = ?").run(moved);
    const text = await exportText(file, 'status=all');
    const row = papaRows(text).find((r) => Number(r.figure_id) === moved)!;
    expect([row.reported_on, row.source_published_on]).toEqual(['2023-02-01', '2022-01-15']);
    const before = figuresInDb(db).length;
    expect(importCsvText(db, text, actor)).toMatchObject({ created: 0, updated: 0, unchanged: before, newSources: [], errors: [] });
    expect(figuresInDb(db)).toHaveLength(before);
  });


  it('export → import into an empty database → export gives the same rows, ids and timestamps aside', async () => {
    expect(importCsvText(db, AWKWARD_FIGURES_CSV, actor).errors).toEqual([]);
    const first = await exportText(file, 'status=all');
    const empty = createTestDb();
    try {
      // As the README says to: the seed's catalog without its figures (npm run db:seed -- --catalog-only).
      seedDatabase(empty.db, undefined, { figures: false });
      expect(figuresInDb(empty.db)).toEqual([]);
      const summary = importCsvText(empty.db, first, { userId: null, label: 'import: round-trip.csv' });
      expect(summary).toMatchObject({ rowsRead: 39, created: 39, errors: [] });
      const second = await exportText(empty.file, 'status=all');
      const strip = (text: string) => papaRows(text).map(({ figure_id: _id, updated_at: _at, ...rest }) => rest);
      expect(strip(second)).toEqual(strip(first));
      expect(strip(second)).toHaveLength(39);
      // What the database holds is the same too, not only what the export shows.
      const held = (d: Db) => figuresInDb(d).map(({ figure_id: _id, updated_at: _at, ...rest }) => rest);
      expect(held(empty.db)).toEqual(held(db));
      // And importing the export again changes nothing.
      expect(importCsvText(empty.db, second, actor)).toMatchObject({ created: 0, updated: 0, unchanged: 39 });
    } finally {
      empty.cleanup();
    }
  });
});
