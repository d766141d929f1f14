import { afterEach, describe, expect, it } from 'vitest';
import { eventSlugExists } from '@/db/queries/events';
import { findSourcePage, sourceIdExists, sourcesWithFullText } from '@/db/queries/source-page';
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

  it('answers whether an id is a source and a slug an event (the server asks before it serves their pages)', () => {
    const db = seeded();
    expect(sourceIdExists(db, addressId(db))).toBe(true);
    expect(sourceIdExists(db, 999_999)).toBe(false);
    expect(eventSlugExists(db, 'kazakhstan-2022-unrest')).toBe(true);
    expect(eventSlugExists(db, 'Kazakhstan-2022-unrest')).toBe(false);
    expect(eventSlugExists(db, '')).toBe(false);
  });
});
