import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/index';
import { listEventFiguresByIds, listFiguresForEvent, listMetricFiguresPage, listSeriesReports, type FigureWithContext } from '@/db/queries/figures';
import { synthWriter } from '@/db/queries/synth';
import { seedCatalogMetrics } from '@/lib/seed';
import { prng, synthEvent, synthFigures } from '@/lib/synth';
import { createTestDb } from '../helpers/db';
import { recordStatements } from '../helpers/statements';

/**
 * The event page's reads of figures after each change: the reports of the charted counts, the
 * headline cards' figures, a page of the table. Each is prepared once per connection, and each
 * is bounded by what it returns, not by the size of the event.
 */
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** Two synthetic events; with `analyze`, SQLite's statistics as synth leaves them (a seeded or edited database has none). */
function twoSyntheticEvents(analyze = true): Db {
  const made = createTestDb();
  cleanups.push(made.cleanup);
  seedCatalogMetrics(made.db);
  const writer = synthWriter(made.db);
  const random = prng(7);
  for (let i = 0; i < 2; i++) {
    const { event, sources } = synthEvent(i, 7, random);
    writer.writeEvent(event, sources, synthFigures(3000, event, random));
  }
  if (analyze) made.db.$client.exec('ANALYZE');
  return made.db;
}

/** SQLite's plan for a statement whose parameters are still unbound. */
function planOf(db: Db, statement: string): string[] {
  const explain = db.$client.prepare(`EXPLAIN QUERY PLAN ${statement}`);
  const unbound = (statement.match(/\?/g) ?? []).length;
  return (explain.all(...Array<null>(unbound).fill(null)) as Array<{ detail: string }>).map((r) => r.detail);
}

describe('the event page reads of figures', () => {
  it('return exactly the figures asked for, in reading order, across events, Cyrillic places and several counts', () => {
    const db = twoSyntheticEvents();
    const [first, second] = [1, 2].map((eventId) => listFiguresForEvent(db, eventId));
    const all = [...new Map(first!.map((f) => [`${f.metricId}|${f.group}|${f.location}`, f])).values()];
    const series = [...all.slice(3, 8), all.find((f) => /[А-я]/.test(f.location + f.group))!];
    expect(series.at(-1)).toBeDefined();
    const inSeries = (f: FigureWithContext) => series.some((s) => s.metricId === f.metricId && s.group === f.group && s.location === f.location);
    expect(listSeriesReports(db, 1, series).map((f) => f.id)).toEqual(first!.filter(inSeries).map((f) => f.id));
    // The same counts named for the other event: its own reports only.
    expect(listSeriesReports(db, 2, series).map((f) => f.id)).toEqual(second!.filter(inSeries).map((f) => f.id));

    const ids = [first![40]!.id, first![5]!.id, second![3]!.id, first![2000]!.id];
    expect(listEventFiguresByIds(db, 1, ids).map((f) => f.id)).toEqual([first![5]!.id, first![40]!.id, first![2000]!.id]);

    const metricId = first![0]!.metricId;
    const ofMetric = first!.filter((f) => f.metricId === metricId);
    expect(listMetricFiguresPage(db, 1, metricId, { limit: 25, offset: 50 }).map((f) => f.id)).toEqual(ofMetric.slice(50, 75).map((f) => f.id));
    expect(listMetricFiguresPage(db, 1, metricId, { limit: 25, offset: 0 })[0]).toEqual(ofMetric[0]);
  });

  it.each([['with', true], ['without', false]])('are prepared once per connection, and each seeks its rows instead of walking the event (%s statistics)', (_, analyze) => {
    const db = twoSyntheticEvents(analyze);
    const f = listFiguresForEvent(db, 1)[100]!;
    const { statements, stop } = recordStatements(db.$client);
    const readAll = () => {
      listSeriesReports(db, 1, [f, { metricId: f.metricId, group: f.group, location: 'nowhere' }]);
      listEventFiguresByIds(db, 1, [f.id, f.id + 1]);
      listMetricFiguresPage(db, 1, f.metricId, { limit: 50, offset: 0 });
    };
    readAll();
    const prepared = statements.length;
    readAll();
    listSeriesReports(db, 1, [f]);
    listEventFiguresByIds(db, 1, [f.id]);
    stop();
    expect(prepared).toBe(3);
    expect(statements).toHaveLength(3);

    for (const statement of statements) {
      const plan = planOf(db, statement);
      expect(plan.filter((step) => /^SCAN (figures|f)\b/.test(step)), statement).toEqual([]);
      // Searched by more than the event: a count (metric, group, place), a metric, or an id.
      expect(plan.filter((step) => /^SEARCH figures USING (COVERING )?INDEX \w+ \(event_id=\?\)$/.test(step)), statement).toEqual([]);
    }
  });
});
