import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, openDatabase } from '@/db/index';
import { listFiguresForEvent } from '@/db/queries/figures';
import { loadEventCharts, loadEventDashboard } from '@/lib/event-dashboard';
import { loadEventList } from '@/lib/event-list';
import { prepareDatabase } from '@/lib/prepare-database';
import { formatFigure } from '@/lib/wording';
import { addLaterDeathToll, createTestDb } from '../helpers/db';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { restoreEnv } from '../helpers/env';

const original = process.env.DATABASE_PATH;
let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-page-'));
  file = path.join(dir, 'page.db');
  prepareDatabase(file);
  process.env.DATABASE_PATH = file;
});
afterEach(() => {
  closeDb();
  restoreEnv('DATABASE_PATH', original);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the event dashboard', () => {
  it('has one card group per metric, the whole count first, and every cited source numbered once', () => {
    const d = loadEventDashboard('kazakhstan-2022-unrest')!;
    expect(d.cards.map((m) => m.metricKey)).toEqual(['deaths', 'injured', 'detained', 'businesses_affected', 'vehicles_burned', 'malls_banks_looted', 'economic_damage']);
    const deaths = d.cards[0]!.cards;
    expect(deaths[0]).toMatchObject({ primary: true });
    expect(formatFigure(deaths[0]!.headline)).toBe('230');
    expect(deaths[0]!.series.range).toEqual({ low: 164, high: 230, lowQualifier: 'exact', highQualifier: 'exact', reports: 3, sources: 3 });
    expect(d.sources.map((s) => s.number)).toEqual(d.sources.map((_, i) => i + 1));
    const figures = listFiguresForEvent(openDatabase(file), d.event.id);
    expect(new Set(figures.map((f) => f.sourceId)).size).toBe(d.sources.length);
    expect(d.reportCount).toBe(figures.length);
    expect(d.units).toEqual(['people', 'businesses', 'vehicles', 'premises', 'KZT']);
    expect(loadEventDashboard('no-such-event')).toBeNull();
  });

  it('is fresh on the very next read after a write by another connection (another process)', () => {
    expect(formatFigure(loadEventDashboard('kazakhstan-2022-unrest')!.cards[0]!.cards[0]!.headline)).toBe('230');
    expect(loadEventList()[0]!.deaths?.valueBest).toBe(230);
    const other = openDatabase(file);
    addLaterDeathToll(other.$client, 'Test wire');
    other.$client.close();
    const card = loadEventDashboard('kazakhstan-2022-unrest')!.cards[0]!.cards[0]!;
    expect(formatFigure(card.headline)).toBe('238');
    const timeline = loadEventCharts(loadEventDashboard('kazakhstan-2022-unrest')!, { breakdown: 'deaths', timeline: 'deaths' }).timeline;
    expect(timeline.rows.filter((r) => r.label === 'Kazakhstan').map((r) => r.figure.valueBest)).toEqual([164, 225, 230, 238]);
    expect(loadEventList()[0]!.deaths?.valueBest).toBe(238);
  });
});

describe('headline deaths for the event list', () => {
  it('follows the dashboard’s rule: the country’s whole count, else the most reported whole count, else any group', () => {
    const { db, file: testFile, cleanup } = createTestDb();
    closeDb();
    process.env.DATABASE_PATH = testFile;
    try {
      db.$client.exec(`
        INSERT INTO events (slug, name, country, start_date) VALUES ('a', 'A', 'Aland', '2022-01-01'), ('b', 'B', 'Bland', '2021-01-01'),
          ('c', 'C', 'Cland', '2020-01-01'), ('d', 'D', 'Dland', '2019-01-01');
        INSERT INTO metrics (key, label, unit, hxl_tag) VALUES ('deaths', 'Deaths', 'people', '#affected+killed');
        INSERT INTO sources (reporting_body, published_on) VALUES ('M', '2022-01-01');
        INSERT INTO figures (event_id, metric_id, group_name, location, qualifier, value_best, unit, reported_on, source_id, status, retraction_reason) VALUES
          (1, 1, 'all', 'Aland', 'exact', 10, 'people', '2022-01-02', 1, 'published', NULL),
          (1, 1, 'all', 'Capital', 'exact', 99, 'people', '2022-01-09', 1, 'published', NULL),
          (1, 1, 'all', 'Aland', 'exact', 500, 'people', '2022-01-10', 1, 'retracted', 'typo'),
          (2, 1, 'all', 'Town', 'about', 7, 'people', '2021-01-05', 1, 'published', NULL),
          (2, 1, 'civilians', 'Bland', 'exact', 70, 'people', '2021-01-06', 1, 'published', NULL),
          (4, 1, 'civilians', 'Dland', 'exact', 3, 'people', '2019-01-06', 1, 'published', NULL);
      `);
      const list = loadEventList();
      expect(list.map((e) => [e.slug, e.deaths?.valueBest ?? null])).toEqual([
        ['a', 10],
        ['b', 7],
        ['c', null],
        ['d', 3],
      ]);
      // ...and each agrees with its own event page.
      for (const e of list.filter((x) => x.deaths)) {
        const primary = loadEventDashboard(e.slug)!.cards[0]!.cards[0]!;
        expect(primary.primary && primary.headline.id).toBe(e.deaths!.id);
      }
    } finally {
      closeDb();
      cleanup();
    }
  });
});
