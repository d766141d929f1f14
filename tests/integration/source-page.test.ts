import { afterEach, describe, expect, it } from 'vitest';
import { eventSlugExists } from '@/db/queries/events';
import { findSourcePage, sourcePageExists, sourcesWithFullText } from '@/db/queries/source-page';
import { dynamicPageRequested, pageExists } from '@/lib/missing-page';
import { createSeededTestDb } from '../helpers/db';
import { addOtherEvent } from '../helpers/figures';

let cleanup = () => {};
afterEach(() => cleanup());

function seeded() {
  const test = createSeededTestDb();
  cleanup = test.cleanup;
  return test.db;
}

const addressId = (db: ReturnType<typeof seeded>) =>
  db.$client.prepare("SELECT id FROM sources WHERE reporting_body = 'President Kassym-Jomart Tokayev (address to parliament)'").pluck().get() as number;

describe("a source's public page", () => {
  it('holds the source with its full text and the events its figures belong to, with their counts', () => {
    const db = seeded();
    const id = addressId(db);
    const page = findSourcePage(db, id)!;
    expect(page.source).toMatchObject({ id, url: '', publisher: '', publishedOn: '2022-01-11' });
    expect(page.source.fullText).toContain('The president said 16 law enforcement officers were killed');
    expect(page.citedIn).toEqual([{ slug: 'kazakhstan-2022-unrest', name: 'January 2022 unrest in Kazakhstan', figures: 6 }]);
    expect(findSourcePage(db, 999_999)).toBeUndefined();
  });

  it('lists every event citing the source, the latest first', () => {
    const db = seeded();
    // The other event's figure cites source 1, as a Kazakhstan figure does.
    addOtherEvent(db);
    const events = findSourcePage(db, 1)!.citedIn.map((e) => e.slug);
    expect(events).toEqual(['other', 'kazakhstan-2022-unrest']);
  });

  it('tells which sources have a full text, for any number of ids', () => {
    const db = seeded();
    const all = db.$client.prepare('SELECT id FROM sources').pluck().all() as number[];
    expect(sourcesWithFullText(db, all)).toEqual(new Set([addressId(db)]));
    expect(sourcesWithFullText(db, [])).toEqual(new Set());
    // More ids than SQLite binds in one statement.
    expect(sourcesWithFullText(db, [...Array.from({ length: 40_000 }, (_, i) => i + 1_000_000), addressId(db)])).toEqual(new Set([addressId(db)]));
    // An emptied text is no text.
    db.$client.prepare("UPDATE sources SET full_text = '' WHERE id = ?").run(addressId(db));
    expect(sourcesWithFullText(db, all)).toEqual(new Set());
  });

  it('shows no source that nothing cites: one an editor entered is not public until a figure cites it', () => {
    const db = seeded();
    const id = Number(db.$client.prepare("INSERT INTO sources (reporting_body, publisher, title, url, published_on, full_text) VALUES ('Draft', '', 'Not yet cited', '', '2022-01-20', 'draft text')").run().lastInsertRowid);
    expect(findSourcePage(db, id)).toBeUndefined();
    expect(sourcePageExists(db, id)).toBe(false);
    expect(sourcesWithFullText(db, [id])).toEqual(new Set([id]));
  });

  it('answers, as the server asks before it serves a page, whether its event or cited source exists', () => {
    const db = seeded();
    const exists = (url: string) => pageExists(db, dynamicPageRequested({ method: 'GET', url, headers: {} })!);
    expect(sourcePageExists(db, addressId(db))).toBe(true);
    expect(sourcePageExists(db, 999_999)).toBe(false);
    expect(exists(`/sources/${addressId(db)}`)).toBe(true);
    for (const url of ['/sources/999999', '/sources/0', '/sources/01', '/sources/abc', '/sources/%E0%A4']) expect(exists(url), url).toBe(false);
    expect(exists('/events/kazakhstan-2022-unrest')).toBe(true);
    // Percent-encoded as a browser may send it: decoded as Next decodes the [slug].
    expect(exists('/events/%6bazakhstan-2022-unrest')).toBe(true);
    for (const url of ['/events/Kazakhstan-2022-unrest', '/events/nope', '/events/%E0%A4']) expect(exists(url), url).toBe(false);
    expect(eventSlugExists(db, '')).toBe(false);
  });
});
