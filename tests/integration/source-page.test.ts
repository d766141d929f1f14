import { describe, expect, it } from 'vitest';
import { eventSlugExists } from '@/db/queries/events';
import { listFiguresForEvent } from '@/db/queries/figures';
import { buildSeries } from '@/lib/dashboard';
import { findSourcePage, SOURCE_FIGURES_PER_PAGE, sourcePageExists, sourcesWithFullText } from '@/db/queries/source-page';
import { dynamicPageRequested, pageExists } from '@/lib/missing-page';
import { seededPerTest } from '../helpers/db';
import { addOtherEvent } from '../helpers/figures';

const seeded = seededPerTest();

const addressId = (db: ReturnType<typeof seeded>) =>
  db.$client.prepare("SELECT id FROM sources WHERE reporting_body = 'President Kassym-Jomart Tokayev (address to parliament)'").pluck().get() as number;

describe("a source's public page", () => {
  it('holds the source with its full text and the events its figures belong to, with their counts', () => {
    const db = seeded();
    const id = addressId(db);
    const page = findSourcePage(db, id)!;
    expect(page.source).toMatchObject({ id, url: '', publisher: '', publishedOn: '2022-01-11' });
    expect(page.source.fullText).toContain('The president said 16 law enforcement officers were killed');
    expect(page.citedIn).toEqual([{ id: 1, slug: 'kazakhstan-2022-unrest', name: 'January 2022 unrest in Kazakhstan', figures: 6 }]);
    // The six figures taken from it, in the order they were entered (the seed file's).
    expect(page.figures.map((f) => [f.metric.key, f.group, f.valueBest])).toEqual([
      ['deaths', 'law enforcement', 16],
      ['injured', 'law enforcement', 1300],
      ['deaths', 'civilians', null],
      ['businesses_affected', 'all', 1270],
      ['malls_banks_looted', 'all', 100],
      ['vehicles_burned', 'all', 500],
    ]);
    expect([page.page, page.pages]).toEqual([1, 1]);
    // Which of them are their count's latest report: the event page's headline rule.
    const headlines = new Set(buildSeries(listFiguresForEvent(db, 1)).map((x) => x.headline?.id));
    const latestShown = page.figures.filter((f) => page.latest.has(f.id)).map((f) => f.id);
    expect(latestShown).toEqual(page.figures.filter((f) => headlines.has(f.id)).map((f) => f.id));
    // Some are (the 16 killed in law enforcement), some not (civilians "being determined", later 20).
    expect(latestShown.length).toBeGreaterThan(0);
    expect(latestShown.length).toBeLessThan(page.figures.length);
    expect(findSourcePage(db, 999_999)).toBeUndefined();
  });

  it('lists every event citing the source, the latest first', () => {
    const db = seeded();
    // The other event's figure cites source 1, as a Kazakhstan figure does.
    addOtherEvent(db);
    const events = findSourcePage(db, 1)!.citedIn.map((e) => e.slug);
    expect(events).toEqual(['other', 'kazakhstan-2022-unrest']);
  });

  it(`lists the figures taken from a source ${SOURCE_FIGURES_PER_PAGE} a page, in the order they were entered`, () => {
    const db = seeded();
    const id = addressId(db);
    const insert = db.$client.prepare(
      "INSERT INTO figures (event_id, metric_id, group_name, location, qualifier, value_best, unit, reported_on, source_id) VALUES (1, 1, 'all', 'Many', 'exact', ?, 'people', ?, ?)",
    );
    // 6 seeded figures cite it; 200 more make 206: two pages, the second with 6.
    for (let i = 0; i < SOURCE_FIGURES_PER_PAGE; i++) insert.run(i, new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10), id);
    const first = findSourcePage(db, id)!;
    expect([first.page, first.pages, first.figures.length]).toEqual([1, 2, SOURCE_FIGURES_PER_PAGE]);
    const ids = first.figures.map((f) => f.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const second = findSourcePage(db, id, 2)!;
    expect([second.page, second.figures.length]).toEqual([2, 6]);
    expect(second.figures[0]!.id).toBeGreaterThan(ids.at(-1)!);
    // A page past the end shows the last; every figure is on exactly one page.
    expect(findSourcePage(db, id, 9)!.page).toBe(2);
    expect(new Set([...ids, ...second.figures.map((f) => f.id)]).size).toBe(SOURCE_FIGURES_PER_PAGE + 6);
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
    for (const url of ['/events/nope', '/events/%E0%A4']) expect(exists(url), url).toBe(false);
    // A slug in capitals is let through: the event's page redirects it to the slug.
    expect(exists('/events/Kazakhstan-2022-unrest')).toBe(true);
    expect(eventSlugExists(db, '')).toBe(false);
  });
});
