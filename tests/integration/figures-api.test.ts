import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GET as getCsv } from '@/app/api/figures.csv/route';
import { GET } from '@/app/api/figures/route';
import { closeDb, type Db } from '@/db/index';
import type { FigureJson } from '@/lib/api/figure-json';
import { importCsvText } from '@/lib/import/run';
import { createSeededTestDb } from '../helpers/db';
import { AWKWARD_FIGURES_CSV, figuresInDb } from '../helpers/data';
import { restoreEnv } from '../helpers/env';
import { foldCase } from '@/db/text-match';

const original = process.env.DATABASE_PATH;
let db: Db;
let cleanup: () => void;
beforeEach(() => {
  let file: string;
  ({ db, file, cleanup } = createSeededTestDb());
  process.env.DATABASE_PATH = file;
});
afterEach(() => {
  closeDb();
  restoreEnv('DATABASE_PATH', original);
  cleanup();
});

type Page = { data: FigureJson[]; nextCursor: string | null; limit: number };
const get = async (query: string): Promise<{ status: number; body: Page & { error?: string } }> => {
  const res = GET(new Request(`http://localhost/api/figures${query}`));
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: res.status, body: await res.json() };
};

describe('GET /api/figures', () => {
  it('walks every figure a page at a time with the cursor, none twice, none missed', async () => {
    const ids: number[] = [];
    let query = '?event=kazakhstan-2022-unrest&limit=4';
    let pages = 0;
    for (;;) {
      const { status, body } = await get(query);
      expect(status).toBe(200);
      expect(body.limit).toBe(4);
      expect(body.data.length).toBeLessThanOrEqual(4);
      ids.push(...body.data.map((f) => f.id));
      pages++;
      if (!body.nextCursor) break;
      query = `?event=kazakhstan-2022-unrest&limit=4&cursor=${body.nextCursor}`;
    }
    expect(pages).toBe(9);
    expect(ids).toEqual(figuresInDb(db).map((f) => f.figure_id));
  });

  it('embeds the event, metric and source of each figure', async () => {
    const { body } = await get('?metric=injured&group=law+enforcement&to=2022-01-11&limit=1');
    expect(body.data[0]).toMatchObject({
      event: { slug: 'kazakhstan-2022-unrest', name: 'January 2022 unrest in Kazakhstan' },
      metric: { key: 'injured', label: 'Injured' },
      group: 'law enforcement',
      qualifier: 'more_than',
      valueBest: 1300,
      valueLow: null,
      reportedOn: '2022-01-11',
      source: { reportingBody: 'President Kassym-Jomart Tokayev (address to parliament)' },
      status: 'published',
      retractionReason: null,
    });
    // The source by its id too: its page on the site, with the full text of the address.
    const sourceId = db.$client.prepare("SELECT id FROM sources WHERE reporting_body = 'President Kassym-Jomart Tokayev (address to parliament)'").pluck().get();
    expect(body.data[0]!.source.id).toBe(sourceId);
  });

  it('gives an absent value as null, never as empty text: a source with no web address, a figure with no note', async () => {
    const { body } = await get('?status=all&limit=500');
    const empties = (v: unknown, at: string): string[] =>
      v === '' ? [at] : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => empties(x, `${at}.${k}`)) : [];
    expect(body.data.flatMap((f, i) => empties(f, `data[${i}]`))).toEqual([]);
    const address = body.data.find((f) => f.source.reportingBody === 'President Kassym-Jomart Tokayev (address to parliament)')!;
    expect(address.source.url).toBeNull();
    expect(body.data.some((f) => f.note === null)).toBe(true);
  });

  it('says where each figure stands in its count, as the CSV does', async () => {
    const { body } = await get('?status=all&limit=500');
    const reference = new Map(figuresInDb(db).map((f) => [f.figure_id, f.standing]));
    expect(body.data.map((f) => [f.id, f.standing])).toEqual([...reference]);
    expect(body.data.filter((f) => f.metric.key === 'deaths' && f.group === 'all' && f.location === 'Kazakhstan').map((f) => [f.valueBest, f.standing])).toEqual(
      expect.arrayContaining([[164, 'superseded'], [225, 'superseded'], [230, 'latest']]),
    );
  });

  it('applies the same filters and status rule as the CSV', async () => {
    importCsvText(db, AWKWARD_FIGURES_CSV, { userId: null, label: 'import: t.csv' });
    expect((await get('?status=retracted')).body.data.map((f) => f.retractionReason)).toEqual(['=bad, wrong figure']);
    expect((await get('?from=2022-01-20&to=2022-01-21&limit=500')).body.data.map((f) => f.location)).toEqual(['Алматы, "центр"', '@Zhanaozen']);
    // JSON needs no formula neutralisation: values are given as stored.
    expect((await get('?location=%40Zhanaozen')).body.data[0]).toMatchObject({ group: '+civilians', quote: '=1+2' });
  });

  it('matches a group or place in any letter case, in any script, and nothing more', async () => {
    importCsvText(db, AWKWARD_FIGURES_CSV, { userId: null, label: 'import: t.csv' });
    const ids = async (query: string) => (await get(`${query}&limit=500`)).body.data.map((f) => f.id);
    const exact = await ids('?location=Kazakhstan');
    expect(exact.length).toBeGreaterThan(10);
    expect(await ids('?location=kazakhstan')).toEqual(exact);
    expect(await ids('?location=KAZAKHSTAN')).toEqual(exact);
    expect(await ids(`?location=${encodeURIComponent('алматы, "ЦЕНТР"')}`)).toEqual(await ids(`?location=${encodeURIComponent('Алматы, "центр"')}`));
    expect((await ids(`?location=${encodeURIComponent('алматы, "центр"')}`)).length).toBe(1);
    const lawEnforcement = await ids('?group=law+enforcement');
    expect(lawEnforcement.length).toBeGreaterThan(0);
    expect(await ids('?group=LAW+Enforcement')).toEqual(lawEnforcement);
    // Exactly the figures whose place folds to the same text, counted without SQL.
    const all = (await get('?status=published&limit=500')).body.data;
    expect(exact).toEqual(all.filter((f) => foldCase(f.location) === 'kazakhstan').map((f) => f.id));
    // A capital whose small letter is ASCII though it is not (the Kelvin sign, K): still found.
    expect(await ids(`?location=${encodeURIComponent('\u212Aazakhstan')}`)).toEqual(exact);
    // Case only: another spelling is another place, and a place no figure has is named as such,
    // not answered with an empty list that would read as "nothing reported there".
    const misspelt = await get('?location=Kazakstan');
    expect(misspelt.status).toBe(404);
    // The answer names the places there are (each as a JSON string: a name may hold quotes).
    expect(misspelt.body.error).toBe('location: no figure is for the place "Kazakstan" (in any letter case); the places: "@Zhanaozen", "Almaty", "Kazakhstan", "Алматы, \\"центр\\"".');
    expect((await get('?group=law-enforcement')).body.error).toBe(
      'group: no figure counts the group "law-enforcement" (in any letter case); the whole count is the group "all"; the groups: "+civilians", "all", "businesses", "civilians", "law enforcement", "law enforcement and military", "police", "security forces", "гражданские".',
    );
    // With an event, those of that event.
    expect((await get('?event=kazakhstan-2022-unrest&group=nobody')).body.error).toMatch(/; the groups of "kazakhstan-2022-unrest": "\+civilians", "all", /);
    // A place that exists, with other filters that leave nothing: an empty list, as before.
    expect(await get('?location=Almaty&from=2030-01-01')).toMatchObject({ status: 200, body: { data: [] } });
    expect(await ids('?location=Kazakhstan%20')).toEqual(exact);
    // The CSV reads through its own connection (db/queries/figure-export.ts): the same rows.
    const csvIds = async (query: string) => {
      const text = await getCsv(new Request(`http://localhost/api/figures.csv${query}`)).text();
      return Papa.parse<{ figure_id: string }>(text, { header: true, skipEmptyLines: true }).data.map((r) => Number(r.figure_id));
    };
    expect(await csvIds('?location=kAzAkHsTaN')).toEqual(exact);
  });

  it('knows a group or place as soon as a figure counts it, also after a change made outside the app', async () => {
    const row = (location: string) =>
      `event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body\nkazakhstan-2022-unrest,detained,all,${location},exact,,4,,people,2022-02-01,Полиция\n`;
    expect((await get(`?location=${encodeURIComponent('ТАРАЗ')}`)).status).toBe(404);
    expect(importCsvText(db, row('Тараз'), { userId: null, label: 'import: t.csv' }).errors).toEqual([]);
    // The names are read once per data version: the import's write is seen, in any letter case.
    expect(await get(`?location=${encodeURIComponent('ТАРАЗ')}`)).toMatchObject({ status: 200, body: { data: [{ location: 'Тараз' }] } });
    // Changed outside the app (the sqlite3 shell): the series are stale until the next write.
    db.$client.prepare("UPDATE figures SET location = 'Taraz' WHERE location = 'Тараз'").run();
    // A name known before is taken as known without reading again: no figure is there any
    // longer, so its answer is empty (not a 404). A new one is looked for in the names read afresh.
    expect(await get(`?location=${encodeURIComponent('тараз')}`)).toMatchObject({ status: 200, body: { data: [] } });
    expect(await get('?location=TARAZ')).toMatchObject({ status: 200, body: { data: [{ location: 'Taraz' }] } });
    // Read afresh, the old name is gone: a stale series with no figure left is not counted.
    expect((await get(`?location=${encodeURIComponent('тараз')}`)).status).toBe(404);
    expect((await get('?location=Shymkent')).status).toBe(404);
  });

  it.each([
    ['?limit=1000', 400, 'limit: use a whole number from 1 to 500.'],
    ['?cursor=nonsense', 400, 'cursor: this cursor was not given by this API; use the nextCursor of the previous page.'],
    ['?to=2022-02-30', 400, 'to: "2022-02-30" is not a date; use YYYY-MM-DD, like 2022-01-11.'],
    ['?event=atlantis-2020', 404, 'event: there is no event with the slug "atlantis-2020".'],
  ])('answers %s with %i and a JSON message', async (query, status, message) => {
    const res = await get(query);
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(message);
  });
});
