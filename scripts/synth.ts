/**
 * npm run synth -- --figures N [--events E] [--seed S]
 * Writes N deterministic synthetic figures over E events into DATABASE_PATH (migrating it and
 * adding the standard metrics first). For benchmarks; it writes no audit entries.
 */
import { parseArgs } from 'node:util';
import { databasePath, openDatabase, writeTransaction } from '@/db/index';
import { migrateDatabase } from '@/db/migrate';
import { refreshStaleSeries } from '@/db/queries/series-summaries';
import { synthWriter } from '@/db/queries/synth';
import { seedCatalogMetrics } from '@/lib/seed';
import { prng, synthEvent, synthFigures } from '@/lib/synth';

function positive(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number of 1 or more${value === undefined ? ' (it is required)' : `, not "${value}"`}.`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({ options: { figures: { type: 'string' }, events: { type: 'string' }, seed: { type: 'string' } } });
const figures = positive('figures', values.figures);
const events = Math.min(figures, positive('events', values.events, Math.max(1, Math.round(figures / 10_000))));
const seed = positive('seed', values.seed, 1);

const file = databasePath();
const db = openDatabase(file);
migrateDatabase(db);
// Generated data can be made again: trade durability for speed while writing it, and give
// SQLite room to keep the indexes it is building in memory.
db.$client.pragma('synchronous = OFF');
db.$client.pragma('cache_size = -1000000');
db.$client.pragma('temp_store = MEMORY');
seedCatalogMetrics(db);
const writer = synthWriter(db);
const random = prng(seed);
const started = performance.now();
const rebuildIndexes = writer.deferIndexes();
let written = 0;
for (let i = 0; i < events; i++) {
  const share = Math.floor(figures / events) + (i < figures % events ? 1 : 0);
  const { event, sources } = synthEvent(i, seed, random);
  if (writer.eventExists(event.slug)) {
    console.error(`${file} already has ${event.slug}; use a new DATABASE_PATH or another --seed.`);
    process.exit(1);
  }
  written += writer.writeEvent(event, sources, synthFigures(share, event, random));
}
// Every series written is marked stale (migration 0004's triggers): summarise them all at once.
writeTransaction(db, (tx) => refreshStaleSeries(tx));
rebuildIndexes();
db.$client.close();
const seconds = (performance.now() - started) / 1000;
console.log(`Wrote ${written.toLocaleString('en-US')} figures over ${events} events to ${file} in ${seconds.toFixed(1)} s.`);
