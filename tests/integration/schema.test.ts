import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/index';
import { createTestDb } from '../helpers/db';

/** The CHECK constraints and foreign keys must refuse what the zod rules refuse, whoever writes. */
let db: Db;
let cleanup: () => void;
let sqlite: Db['$client'];

beforeEach(() => {
  ({ db, cleanup } = createTestDb());
  sqlite = db.$client;
  sqlite.exec(`
    INSERT INTO events (slug, name, country, start_date) VALUES ('e', 'E', 'C', '2022-01-01');
    INSERT INTO metrics (key, label, unit, hxl_tag) VALUES ('deaths', 'Deaths', 'people', '#affected+killed');
    INSERT INTO sources (reporting_body, published_on) VALUES ('Ministry', '2022-01-02');
  `);
});
afterEach(() => cleanup());

const insertFigure = (overrides: Record<string, unknown>) => {
  const row: Record<string, unknown> = {
    event_id: 1, metric_id: 1, group_name: 'all', location: 'X', qualifier: 'exact', value_low: null, value_best: 5,
    value_high: null, unit: 'people', reported_on: '2022-01-02', source_id: 1, status: 'published', retraction_reason: null,
    ...overrides,
  };
  const cols = Object.keys(row);
  return sqlite.prepare(`INSERT INTO figures (${cols.join(',')}) VALUES (${cols.map((c) => `@${c}`).join(',')})`).run(row);
};

describe('figures constraints', () => {
  it('accepts a valid figure, a range and an unknown', () => {
    expect(() => insertFigure({})).not.toThrow();
    expect(() => insertFigure({ location: 'Y', value_low: 1, value_best: 2, value_high: 3 })).not.toThrow();
    expect(() => insertFigure({ location: 'Z', qualifier: 'unknown', value_best: null })).not.toThrow();
  });

  it.each([
    ['a negative value', { value_best: -1 }, 'figures_values_non_negative'],
    ['a fractional value', { value_best: 1.5 }, 'figures_values_integers'],
    ['a text value', { value_best: 'many' }, 'figures_values_integers'],
    ['low above high', { value_low: 9, value_best: null, value_high: 3 }, 'figures_range_order'],
    ['best outside the range', { value_low: 1, value_best: 10, value_high: 3 }, 'figures_range_order'],
    ['low without high', { value_low: 1 }, 'figures_range_pair'],
    ['an unknown qualifier', { qualifier: 'roughly' }, 'figures_qualifier_known'],
    ['a number with qualifier unknown', { qualifier: 'unknown' }, 'figures_unknown_has_no_number'],
    ['no number with a known qualifier', { value_best: null }, 'figures_unknown_has_no_number'],
    ['a badly written date', { reported_on: '11/01/2022' }, 'figures_reported_on_format'],
    ['a retraction without reason', { status: 'retracted' }, 'figures_retraction_reason'],
    ['a reason without retraction', { retraction_reason: 'x' }, 'figures_retraction_reason'],
    ['an unknown status', { status: 'deleted' }, 'figures_status_known'],
  ])('refuses %s', (_what, overrides, constraint) => {
    expect(() => insertFigure(overrides)).toThrow(new RegExp(`CHECK constraint failed: ${constraint}`));
  });

  it('refuses a figure of an event that does not exist', () => {
    expect(() => insertFigure({ event_id: 99 })).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('refuses the same report twice', () => {
    insertFigure({});
    expect(() => insertFigure({ value_best: 6 })).toThrow(/UNIQUE constraint failed/);
  });

  it('refuses to delete a source that figures cite', () => {
    insertFigure({});
    expect(() => sqlite.prepare('DELETE FROM sources WHERE id = 1').run()).toThrow(/FOREIGN KEY constraint failed/);
  });
});

describe('other constraints', () => {
  it('refuses a source URL that is not http or https', () => {
    expect(() => sqlite.prepare("INSERT INTO sources (reporting_body, url, published_on) VALUES ('M', 'javascript:alert(1)', '2022-01-01')").run()).toThrow(
      /sources_url_scheme/,
    );
  });
  it('refuses an event slug with capitals or spaces', () => {
    expect(() => sqlite.prepare("INSERT INTO events (slug, name, country, start_date) VALUES ('Bad Slug', 'n', 'c', '2022-01-01')").run()).toThrow(
      /events_slug_format/,
    );
  });
  it('refuses an event that ends before it starts', () => {
    expect(() =>
      sqlite.prepare("INSERT INTO events (slug, name, country, start_date, end_date) VALUES ('x', 'n', 'c', '2022-01-05', '2022-01-01')").run(),
    ).toThrow(/events_end_date_format/);
  });
  it('enables foreign keys and WAL on every connection', () => {
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });
});

describe('data version', () => {
  const version = () => (sqlite.prepare('SELECT version FROM data_version WHERE id = 1').get() as { version: number }).version;
  it('counts every write to public data, whoever makes it', () => {
    const v0 = version();
    insertFigure({});
    expect(version()).toBe(v0 + 1);
    sqlite.prepare('UPDATE figures SET value_best = 7').run();
    expect(version()).toBe(v0 + 2);
    sqlite.prepare("UPDATE sources SET title = 'T'").run();
    sqlite.prepare("UPDATE events SET name = 'N'").run();
    sqlite.prepare('DELETE FROM figures').run();
    expect(version()).toBe(v0 + 5);
  });
  it('is not bumped by sign-ins or audit entries', () => {
    const v0 = version();
    sqlite.prepare("INSERT INTO audit_entries (actor, action, entity_type, entity_id) VALUES ('x', 'create', 'event', 1)").run();
    expect(version()).toBe(v0);
  });
});
