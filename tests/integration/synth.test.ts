import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/index';
import { synthWriter } from '@/db/queries/synth';
import { seedCatalogMetrics } from '@/lib/seed';
import { prng, synthEvent, synthFigures } from '@/lib/synth';
import { figureValueIssues } from '@/lib/validation/figure';
import { createTestDb, dumpTables } from '../helpers/db';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTestDb()));
afterEach(() => cleanup());

const generate = (seed: number, count: number) => {
  const random = prng(seed);
  const { event, sources } = synthEvent(0, seed, random);
  return { event, sources, figures: [...synthFigures(count, event, random)] };
};

describe('synthetic benchmark data', () => {
  it('is deterministic: the same seed gives the same rows, another seed others', () => {
    expect(generate(7, 500)).toEqual(generate(7, 500));
    expect(generate(8, 500).figures).not.toEqual(generate(7, 500).figures);
  });

  it('passes the same value rules as entered figures and covers every kind of report', () => {
    const { figures } = generate(3, 5000);
    expect(figures).toHaveLength(5000);
    for (const f of figures) expect(figureValueIssues(f)).toEqual([]);
    expect(new Set(figures.map((f) => f.metricKey)).size).toBe(7);
    expect(figures.some((f) => f.qualifier === 'unknown')).toBe(true);
    expect(figures.some((f) => f.valueLow !== null)).toBe(true);
    expect(figures.some((f) => f.status === 'retracted')).toBe(true);
    expect(figures.some((f) => /[а-яё]/i.test(f.group + f.location))).toBe(true);
  });

  it('writes rows the schema accepts, with secondary indexes rebuilt afterwards', () => {
    seedCatalogMetrics(db);
    const writer = synthWriter(db);
    const { event, sources, figures } = generate(5, 3000);
    const rebuild = writer.deferIndexes();
    expect(writer.writeEvent(event, sources, figures)).toBe(3000);
    rebuild();
    const tables = dumpTables(db);
    expect(tables.figures).toHaveLength(3000);
    const indexes = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'figures' ORDER BY name").all();
    expect(indexes.map((i) => (i as { name: string }).name)).toEqual(['figures_event_quotes_idx', 'figures_identity_unique', 'figures_reported_on_idx', 'figures_source_idx']);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
