import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/index';
import type { Db } from '@/db/index';
import { seedDatabase } from '@/lib/seed';
import { formatFigure } from '@/lib/wording';
import { listFiguresForEvent } from '@/db/queries/figures';
import { findEventBySlug } from '@/db/queries/events';
import { createTestDb, dumpTables } from '../helpers/db';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTestDb()));
afterEach(() => cleanup());

describe('seeding the Kazakhstan dataset', () => {
  it('loads all 35 figures with their metrics, sources and audit entries', () => {
    const { imports } = seedDatabase(db);
    expect(imports).toEqual([expect.objectContaining({ rowsRead: 35, created: 35, unchanged: 0, errors: [] })]);
    const sqlite = db.$client;
    expect(sqlite.prepare('SELECT count(*) AS n FROM figures').get()).toEqual({ n: 35 });
    const metrics = sqlite.prepare('SELECT key, label, unit, hxl_tag FROM metrics ORDER BY sort_order').all();
    expect(metrics).toHaveLength(7);
    expect(metrics[0]).toEqual({ key: 'deaths', label: 'Deaths', unit: 'people', hxl_tag: '#affected+killed' });
    expect(sqlite.prepare("SELECT count(*) AS n FROM audit_entries WHERE entity_type = 'figure' AND action = 'create'").get()).toEqual({ n: 35 });
  });

  it('seeds on a connection that has opened SQLite\'s temporary database (as a migration\'s ALTER TABLE does)', () => {
    // SQLite refuses to change temp_store inside a transaction once that database is open; the
    // import the seed runs inside its own transaction must not try.
    db.$client.exec('CREATE TEMP TABLE scratch (x)');
    expect(seedDatabase(db).imports[0]).toMatchObject({ created: 35, errors: [] });
  });

  it('dates a source by when it was published, not by the announcement it reports', () => {
    seedDatabase(db);
    // Kursiv retold on 11 January 2022 (its address says so) what the Almaty police said on 5 January.
    const kursiv = db.$client
      .prepare("SELECT s.published_on AS publishedOn, f.reported_on AS reportedOn FROM sources s JOIN figures f ON f.source_id = s.id WHERE s.publisher = 'Kursiv'")
      .all();
    expect(kursiv).toEqual([{ publishedOn: '2022-01-11', reportedOn: '2022-01-05' }]);
    // Every other source was published the day it reported.
    expect(db.$client.prepare('SELECT count(*) AS n FROM sources s JOIN figures f ON f.source_id = s.id WHERE s.published_on <> f.reported_on').get()).toEqual({ n: 1 });
  });

  it('is idempotent: a second run changes nothing at all', () => {
    seedDatabase(db);
    const before = dumpTables(db);
    const { imports } = seedDatabase(db);
    expect(imports[0]).toMatchObject({ created: 0, updated: 0, unchanged: 35 });
    expect(dumpTables(db)).toEqual(before);
  });

  it('keeps every quote verbatim: each occurs in the full text of the source it cites', () => {
    seedDatabase(db);
    const rows = db.$client
      .prepare('SELECT f.quote, s.full_text FROM figures f JOIN sources s ON s.id = f.source_id WHERE f.quote IS NOT NULL')
      .all() as Array<{ quote: string; full_text: string | null }>;
    expect(rows).toHaveLength(6);
    for (const { quote, full_text } of rows) {
      expect(full_text, `the source of "${quote}" has no full text`).toBeTruthy();
      expect(full_text).toContain(quote);
    }
  });

  it('words the address to parliament as it was said', () => {
    seedDatabase(db);
    const event = findEventBySlug(db, 'kazakhstan-2022-unrest')!;
    const fromAddress = listFiguresForEvent(db, event.id)
      .filter((f) => f.source.reportingBody.includes('address to parliament'))
      .map((f) => `${f.metric.key}/${f.group}: ${formatFigure(f)}`);
    expect(fromAddress.sort()).toEqual([
      'businesses_affected/all: 1,270',
      'deaths/civilians: being determined',
      'deaths/law enforcement: 16',
      'injured/law enforcement: more than 1,300',
      'malls_banks_looted/all: more than 100',
      'vehicles_burned/all: about 500',
    ]);
  });
});

describe('npm run db:seed -- --catalog-only', () => {
  it('loads the events, metrics and sources without the figures, and refuses an unknown option', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-seed-cli-'));
    const file = path.join(dir, 'catalog.db');
    const seed = (...args: string[]) =>
      spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/seed.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_PATH: file } });
    try {
      const bad = seed('--figures-only');
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain("Not seeded: Unknown option '--figures-only' (the only option is --catalog-only)");
      expect(fs.existsSync(file)).toBe(false);
      expect(seed('--catalog-only').status).toBe(0);
      const copy = openDatabase(file);
      try {
        const n = (table: string) => copy.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
        expect([n('events'), n('metrics'), n('sources'), n('figures')]).toEqual([1, 7, 1, 0]);
      } finally {
        copy.$client.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
