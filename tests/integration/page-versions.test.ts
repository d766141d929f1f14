import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb, readTransaction, writeTransaction } from '@/db/index';
import { findSourceById, updateSource } from '@/db/queries/catalog-admin';
import { findFigurePage } from '@/db/queries/figure-page';
import { refreshStaleSeries } from '@/db/queries/series-summaries';
import { createFigure, retractFigure } from '@/db/queries/figure-writes';
import { loadEventPage } from '@/lib/event-dashboard';
import { importCsvText } from '@/lib/import/run';
import { publicPageVersion } from '@/lib/page-cache/versions';
import { createSeededTestDb } from '../helpers/db';
import { addOtherEvent, deathTollForm } from '../helpers/figures';
import { serveTestDatabases } from '../helpers/served-db';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const actor = { userId: null, label: 'editor@example.org' };
const KZ = '/events/kazakhstan-2022-unrest';
const OTHER = '/events/other-event';

/**
 * The versions the public page cache keeps pages under (lib/page-cache/versions.ts): a page must
 * get a new tag whenever the data it shows changes, by any writer, and an event's page should
 * keep its tag when only another event's figures change.
 */
function setUp() {
  const test = createSeededTestDb();
  cleanups.push(test.cleanup);
  const { db } = test;
  const other = addOtherEvent(db, 'other-event');
  const tags = () => ({
    kz: publicPageVersion(db, KZ).tag,
    other: publicPageVersion(db, OTHER).tag,
    list: publicPageVersion(db, '/').tag,
    kzFigure: publicPageVersion(db, '/figures/1').tag,
    otherFigure: publicPageVersion(db, `/figures/${other.id}`).tag,
    source: publicPageVersion(db, '/sources/1').tag,
  });
  /** Runs `write` and says which pages' tags changed. */
  const changedPages = (write: () => void) => {
    const before = tags();
    write();
    const after = tags();
    return Object.fromEntries(Object.entries(after).map(([page, tag]) => [page, tag !== before[page as keyof typeof before]]));
  };
  /**
   * The same, for the event pages and the list. A source's page shows figures of any event, and a
   * figure's page names a source its history mentions only while some figure cites it: they go
   * by every write, as the list does.
   */
  const changed = (write: () => void) => {
    const { kz, other: otherEvent, list, kzFigure, otherFigure, source } = changedPages(write);
    expect({ kzFigure, otherFigure, source }).toEqual({ kzFigure: list, otherFigure: list, source: list });
    return { kz, other: otherEvent, list };
  };
  return { db, other, changed };
}

describe('the versions of the public pages', () => {
  it("change an event's page with its own figures, whichever write path, and leave the other event's page as it is", () => {
    const { db, other, changed } = setUp();
    expect(changed(() => createFigure(db, deathTollForm({ valueBest: '240' }), actor))).toEqual({ kz: true, other: false, list: true });
    expect(changed(() => retractFigure(db, other.id, 1, 'duplicate', actor))).toEqual({ kz: false, other: true, list: true });
    const header = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body';
    expect(changed(() => expect(importCsvText(db, `${header}\nother-event,injured,all,Testland,exact,,9,,people,2023-01-02,Ministry`, actor).errors).toEqual([]))).toEqual({ kz: false, other: true, list: true });
    // A figure moved from one event to the other changes both pages.
    expect(changed(() => db.$client.exec(`UPDATE figures SET event_id = 1 WHERE id = ${other.id}`))).toEqual({ kz: true, other: true, list: true });
  });

  it('change every event page with the catalog (events, metrics and sources), by any writer, but not with a new event or source', () => {
    const { db, changed } = setUp();
    expect(changed(() => updateSource(db, 1, findSourceById(db, 1)!.updatedAt, { reportingBody: 'Renamed body', publisher: '', title: '', url: '', publishedOn: '2022-01-11', fullText: '' }, actor))).toEqual({ kz: true, other: true, list: true });
    expect(changed(() => db.$client.exec("UPDATE metrics SET label = 'People killed' WHERE key = 'deaths'"))).toEqual({ kz: true, other: true, list: true });
    expect(changed(() => db.$client.exec("UPDATE events SET description = 'New' WHERE slug = 'other-event'"))).toEqual({ kz: true, other: true, list: true });
    // A new source or event is on no event's page until a figure cites it.
    expect(changed(() => db.$client.exec("INSERT INTO sources (reporting_body, published_on) VALUES ('Unused', '2022-01-01')"))).toEqual({ kz: false, other: false, list: true });
    expect(changed(() => db.$client.exec("INSERT INTO events (slug, name, country, start_date) VALUES ('third', 'Third', 'Testland', '2024-01-01')"))).toEqual({ kz: false, other: false, list: true });
    expect(changed(() => db.$client.exec("DELETE FROM sources WHERE reporting_body = 'Unused'"))).toEqual({ kz: true, other: true, list: true });
  });

  it('change a page written to outside the app at every write until a write of the app brings its summaries up to date, and then once more', () => {
    const { db, changed } = setUp();
    // The sqlite3 shell: the series is stale; its page goes by every write meanwhile.
    expect(changed(() => db.$client.exec("UPDATE figures SET value_best = 231 WHERE id = 1"))).toEqual({ kz: true, other: false, list: true });
    expect(changed(() => db.$client.exec("UPDATE figures SET value_best = 5 WHERE event_id = 2"))).toEqual({ kz: true, other: true, list: true });
    // Any write of the app refreshes the stale series (here one that changes no public data).
    expect(changed(() => writeTransaction(db, () => undefined))).toEqual({ kz: true, other: true, list: false });
    expect(changed(() => writeTransaction(db, () => undefined))).toEqual({ kz: false, other: false, list: false });
  });

  it("change a figure's page, and its event's, when its audit entries are edited or deleted from another process, and with nothing else", () => {
    const { db, other, changed } = setUp();
    // An update that changes nothing a page shows (as an account's removal does to user_id).
    expect(changed(() => db.$client.exec('UPDATE audit_entries SET user_id = user_id'))).toEqual({ kz: false, other: false, list: false });
    expect(changed(() => db.$client.exec("UPDATE audit_entries SET reason = 'typing' WHERE entity_type = 'figure' AND entity_id = 1"))).toEqual({ kz: true, other: false, list: true });
    expect(changed(() => writeTransaction(db, () => undefined))).toEqual({ kz: true, other: false, list: false });
    expect(changed(() => db.$client.exec(`DELETE FROM audit_entries WHERE entity_type = 'figure' AND entity_id = ${other.id}`))).toEqual({ kz: false, other: true, list: true });
  });

  it('go by every write for an unknown event, and give a render its data version to be ordered by', () => {
    const { db, changed } = setUp();
    expect(publicPageVersion(db, '/events/no-such-event').tag).toBe(publicPageVersion(db, '/').tag);
    expect(publicPageVersion(db, '/figures/999999').tag).toBe(publicPageVersion(db, '/').tag);
    const before = publicPageVersion(db, OTHER);
    changed(() => createFigure(db, deathTollForm({ valueBest: '241' }), actor));
    const after = publicPageVersion(db, OTHER);
    expect(after.tag).toBe(before.tag);
    expect(after.order).toBeGreaterThan(before.order);
  });
});

/**
 * The rule the page cache stands on, held against writes of every kind, as another process makes
 * them (the sqlite3 shell: its own connection, foreign keys off unless asked, recursive triggers
 * off): whenever an event's or a figure's page has the same tag after a write, it shows the same.
 */
describe("no write changes what an event's or a figure's page shows without changing its tag", () => {
  const serve = serveTestDatabases();
  const KZ_SLUG = 'kazakhstan-2022-unrest';

  /**
   * What a page shows (its data, standing in for the HTML; a page that cannot be read, as when
   * figures cite a row that is gone, is an error page, which is never cached) and its tag.
   */
  function shownAt(path: string, read: () => unknown) {
    const tag = publicPageVersion(getDb(), path).tag;
    try {
      return { path, tag, shown: JSON.stringify(read() ?? null) };
    } catch (err) {
      return { path, tag, shown: `error: ${String(err)}` };
    }
  }

  /** The event's page, and the page of every figure there is (and of one id past them). */
  function render(slug: string) {
    const event = shownAt(`/events/${slug}`, () => {
      const view = loadEventPage(slug, () => ({ pick: { breakdown: 'deaths', timeline: 'deaths' }, reportsPage: 1, perPage: 1000 }));
      return view && { dashboard: view.dashboard, charts: view.charts, reports: view.reports };
    });
    const last = getDb().$client.prepare<[], { id: number }>('SELECT max(id) AS id FROM figures').get()?.id ?? 0;
    const figures = Array.from({ length: last + 1 }, (_, i) => shownAt(`/figures/${i + 1}`, () => readTransaction(getDb(), () => findFigurePage(getDb(), i + 1))));
    return [event, ...figures];
  }

  // Each case: statements run one after the other, a reader between each (its render is cached).
  const cases: Array<[string, string[], string?]> = [
    ['an event replaced by id and slug (INSERT OR REPLACE)', [`INSERT OR REPLACE INTO events (id, slug, name, country, start_date, end_date, description, created_at, updated_at)
      SELECT id, slug, 'Renamed event', country, start_date, end_date, description, created_at, updated_at FROM events WHERE slug = '${KZ_SLUG}'`]],
    ['an event replaced by slug, under a new id', [`INSERT OR REPLACE INTO events (slug, name, country, start_date) VALUES ('${KZ_SLUG}', 'Brand new', 'Elsewhere', '2024-01-01')`]],
    ['a source replaced by id (REPLACE)', [`REPLACE INTO sources (id, reporting_body, publisher, title, url, published_on, full_text, created_at, updated_at)
      SELECT id, 'Renamed body', publisher, title, url, published_on, full_text, created_at, updated_at FROM sources WHERE id = 1`]],
    ['a source replaced by its identity, under a new id', [`INSERT OR REPLACE INTO sources (reporting_body, publisher, title, url, published_on)
      SELECT reporting_body, publisher, title, url, published_on FROM sources WHERE id = 2`]],
    ["a figure replaced by another event's, same id", [`INSERT OR REPLACE INTO figures (id, event_id, metric_id, group_name, location, qualifier, value_best, unit, reported_on, source_id)
      SELECT id, (SELECT id FROM events WHERE slug = 'other'), metric_id, group_name, location, qualifier, value_best, unit, reported_on, source_id FROM figures WHERE id = 3`]],
    ["another event's figure moved onto a figure's id (UPDATE OR REPLACE)", [`UPDATE OR REPLACE figures SET id = 4 WHERE event_id = (SELECT id FROM events WHERE slug = 'other')`]],
    ["a figure moved onto the other event's figure by rowid (UPDATE OR REPLACE … SET rowid)", [`UPDATE OR REPLACE figures SET rowid = (SELECT max(id) FROM figures WHERE event_id = 2) WHERE id = 3`], 'other'],
    ['a source deleted, then inserted again with its id', ['DELETE FROM sources WHERE id = 5', "INSERT INTO sources (id, reporting_body, published_on) VALUES (5, 'Back again', '2022-01-05')"]],
    ['the event deleted, then inserted again with its id', [`DELETE FROM events WHERE slug = '${KZ_SLUG}'`, `INSERT INTO events (id, slug, name, country, start_date) VALUES (1, '${KZ_SLUG}', 'Again', 'Kazakhstan', '2022-01-02')`]],
    ['a figure edited, then deleted', ['UPDATE figures SET value_best = value_best + 1 WHERE id = 6', 'DELETE FROM figures WHERE id = 6']],
    ['a metric renamed, then a new one', ["UPDATE metrics SET label = 'Killed' WHERE key = 'deaths'", "INSERT INTO metrics (key, label, unit, hxl_tag, sort_order) VALUES ('new_metric', 'New', 'people', '#affected', 0)"]],
    ['a new source cited by nothing, then an upsert of a cited one', ["INSERT INTO sources (reporting_body, published_on) VALUES ('Nobody cites me', '2022-01-01')",
      `INSERT INTO sources (reporting_body, publisher, title, url, published_on) SELECT reporting_body, publisher, title, url, published_on FROM sources WHERE id = 8
        ON CONFLICT DO UPDATE SET title = 'Upserted'`]],
    ["the other event's figures: edited, moved into this event", ["UPDATE figures SET value_best = 9 WHERE event_id = 2", 'UPDATE figures SET event_id = 1 WHERE event_id = 2']],
    ['an event with no figures replaced by slug, under a new id', ["INSERT OR REPLACE INTO events (slug, name, country, start_date) VALUES ('empty', 'Brand new', 'Elsewhere', '2024-01-01')"], 'empty'],
    // What a figure's history says: the app only ever adds entries, with the change they record.
    ["a figure's audit entry: its reason corrected, then the entry deleted", [
      "UPDATE audit_entries SET reason = 'typing corrected' WHERE entity_type = 'figure' AND entity_id = 3",
      "DELETE FROM audit_entries WHERE entity_type = 'figure' AND entity_id = 6"]],
    ["another entry moved onto a figure's entry by id (UPDATE OR REPLACE … SET id)", [`UPDATE OR REPLACE audit_entries SET id = (SELECT min(id) FROM audit_entries WHERE entity_type = 'figure' AND entity_id = 4)
      WHERE id = (SELECT max(id) FROM audit_entries WHERE entity_type = 'source')`]],
    ["another event's figure's audit entry moved onto a figure of this event", [
      "UPDATE audit_entries SET entity_id = 2 WHERE entity_type = 'figure' AND entity_id = (SELECT max(id) FROM figures WHERE event_id = 2)"]],
  ];

  it.each(cases)('%s', (_, statements, slug = KZ_SLUG) => {
    const db = serve(createSeededTestDb());
    addOtherEvent(db);
    db.$client.exec("INSERT INTO events (slug, name, country, start_date) VALUES ('empty', 'Empty', 'Testland', '2023-01-01')");
    const shell = new Database(db.$client.name);
    shell.pragma('foreign_keys = OFF');
    try {
      let before = render(slug);
      const step = (write: () => void) => {
        write();
        const after = render(slug);
        for (const page of after) {
          const then = before.find((p) => p.path === page.path);
          if (then && page.tag === then.tag) expect(page.shown, page.path).toBe(then.shown);
        }
        before = after;
      };
      for (const statement of statements) {
        step(() => shell.exec(statement));
        // The app's next write brings the summaries up to date: the page must say so again.
        step(() => writeTransaction(db, (tx) => refreshStaleSeries(tx)));
      }
    } finally {
      shell.close();
    }
  });
});
