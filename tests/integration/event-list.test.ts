import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { createFigure, retractFigure } from '@/db/queries/figure-writes';
import { loadEventList, readWholeEventList } from '@/lib/event-list';
import { createSeededTestDb } from '../helpers/db';
import { addOtherEvent, deathTollForm } from '../helpers/figures';
import { serveTestDatabases } from '../helpers/served-db';
import { recordStatements } from '../helpers/statements';

const serve = serveTestDatabases();
const actor = { userId: null, label: 'editor@example.org' };

describe('the event list after writes', () => {
  it('reads again only the events whose figures changed, and stays the list read whole, through every kind of write', () => {
    const db = serve(createSeededTestDb());
    addOtherEvent(db);

    // Which deaths series the list reads: all of them, or those of the events named.
    const { statements } = recordStatements(getDb().$client);
    const reads = () => statements.filter((q) => q.includes('SELECT id FROM metrics WHERE key')).map((q) => (q.includes('event_id IN') ? 'some' : 'all'));
    const step = (write: () => void, expected: 'some' | 'all' | 'none') => {
      write();
      statements.length = 0;
      const list = loadEventList();
      expect(list).toEqual(readWholeEventList(db));
      expect(reads()[0] ?? 'none').toBe(expected);
      return list;
    };
    const deathsOf = (list: ReturnType<typeof loadEventList>, slug: string) => list.find((e) => e.slug === slug)?.deaths?.valueBest ?? null;

    step(() => undefined, 'all');
    let list = step(() => createFigure(db, deathTollForm({ eventId: '2', location: 'Testland', valueBest: '9', reportedOn: '2023-02-01', sourceChoice: 'existing', sourceId: '1' }), actor), 'some');
    expect(deathsOf(list, 'other')).toBe(9);
    expect(deathsOf(list, 'kazakhstan-2022-unrest')).toBe(230);
    const toll = createFigure(db, deathTollForm({ sourceChoice: 'existing', sourceId: '2' }), actor);
    list = step(() => undefined, 'some');
    expect(deathsOf(list, 'kazakhstan-2022-unrest')).toBe(238);
    list = step(() => retractFigure(db, toll.id, 1, 'typo', actor), 'some');
    expect(deathsOf(list, 'kazakhstan-2022-unrest')).toBe(230);
    // Another process (the sqlite3 shell): the series is stale until the app's next write; read live meanwhile.
    const shell = new Database(db.$client.name);
    list = step(() => shell.exec("UPDATE figures SET value_best = 11 WHERE event_id = 2 AND value_best = 9"), 'some');
    expect(deathsOf(list, 'other')).toBe(11);
    list = step(() => createFigure(db, deathTollForm({ eventId: '2', location: 'North', valueBest: '1', sourceChoice: 'existing', sourceId: '1' }), actor), 'some');
    expect(deathsOf(list, 'other')).toBe(11);
    // A new event is read; the catalog changing (a renamed event) reads them all.
    list = step(() => shell.exec("INSERT INTO events (slug, name, country, start_date) VALUES ('third', 'Third', 'Testland', '2024-01-01')"), 'some');
    expect(list.map((e) => e.slug)).toContain('third');
    step(() => shell.exec("UPDATE events SET name = 'Renamed' WHERE slug = 'other'"), 'all');
    // The headline is cited to its source, which a source edit (the catalog) changes.
    list = step(() => undefined, 'none');
    const kz = list.find((e) => e.slug === 'kazakhstan-2022-unrest')!.deaths!;
    expect(kz.source).toMatchObject({ id: kz.sourceId, publisher: 'Interfax', url: 'https://interfax.com/newsroom/top-stories/76630/' });
    list = step(() => shell.prepare('UPDATE sources SET title = ? WHERE id = ?').run('Retitled report', kz.sourceId), 'all');
    expect(list.find((e) => e.slug === 'kazakhstan-2022-unrest')!.deaths!.source.title).toBe('Retitled report');
    // Nothing changed since: the list is the one cached.
    step(() => undefined, 'none');
    shell.close();
  });
});
