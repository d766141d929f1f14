import { afterEach, describe, expect, it } from 'vitest';
import { writeTransaction } from '@/db/index';
import { updateSource } from '@/db/queries/catalog-admin';
import { createFigure, retractFigure } from '@/db/queries/figure-writes';
import { importCsvText } from '@/lib/import/run';
import { publicPageVersion } from '@/lib/page-cache/versions';
import { createSeededTestDb } from '../helpers/db';
import { deathTollForm } from '../helpers/figures';

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
  db.$client.exec(`
    INSERT INTO events (slug, name, country, start_date) VALUES ('other-event', 'Other event', 'Testland', '2023-01-01');
  `);
  const other = createFigure(db, deathTollForm({ eventId: '2', location: 'Testland', valueBest: '4' }), actor);
  const tags = () => ({ kz: publicPageVersion(db, KZ).tag, other: publicPageVersion(db, OTHER).tag, list: publicPageVersion(db, '/').tag });
  /** Runs `write` and says which pages' tags changed. */
  const changed = (write: () => void) => {
    const before = tags();
    write();
    const after = tags();
    return { kz: after.kz !== before.kz, other: after.other !== before.other, list: after.list !== before.list };
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
    expect(changed(() => updateSource(db, 1, { reportingBody: 'Renamed body', publisher: '', title: '', url: '', publishedOn: '2022-01-11', fullText: '' }, actor))).toEqual({ kz: true, other: true, list: true });
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

  it('go by every write for an unknown event, and give a render its data version to be ordered by', () => {
    const { db, changed } = setUp();
    expect(publicPageVersion(db, '/events/no-such-event').tag).toBe(publicPageVersion(db, '/').tag);
    const before = publicPageVersion(db, OTHER);
    changed(() => createFigure(db, deathTollForm({ valueBest: '241' }), actor));
    const after = publicPageVersion(db, OTHER);
    expect(after.tag).toBe(before.tag);
    expect(after.order).toBeGreaterThan(before.order);
  });
});
