import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '@/db/index';
import type { Actor } from '@/db/queries/audit';
import { ensureEvent, ensureMetric, ensureSource } from '@/db/queries/catalog';
import { formatImportError } from './import/errors';
import { importCsvText, type ImportSummary } from './import/run';
import { eventSchema } from './validation/event';
import { metricSchema } from './validation/metric';
import { sourceSchema } from './validation/source';

const catalogSchema = z.object({
  events: z.array(eventSchema),
  metrics: z.array(metricSchema),
  sources: z.array(sourceSchema.omit({ fullText: true }).extend({ fullTextFile: z.string().optional() })),
  figures: z.array(z.string()),
});

export const SEED_ACTOR: Actor = { userId: null, label: 'seed' };

/** The folder with catalog.json, the figures' CSV files and the sources' full texts. */
export const defaultSeedDir = () => path.resolve(process.env.SEED_DIR || 'seed');

function readCatalog(dir: string) {
  return catalogSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'catalog.json'), 'utf8')));
}

/** Adds the catalog's metrics only (for generated benchmark data). */
export function seedCatalogMetrics(db: Db, dir: string = defaultSeedDir()): void {
  for (const metric of readCatalog(dir).metrics) ensureMetric(db, metric, SEED_ACTOR);
}

/**
 * Loads the seed data: the catalog of events, metrics and sources (with their full texts),
 * then each CSV file of figures through the importer (unless `figures` is false: the catalog an
 * export needs to be imported into an empty database). Idempotent: what exists is left alone.
 */
export function seedDatabase(db: Db, dir: string = defaultSeedDir(), { figures = true }: { figures?: boolean } = {}): { imports: Array<ImportSummary & { file: string }> } {
  const catalog = readCatalog(dir);
  // One transaction for the whole seed: an interrupted or failed seed leaves the database empty,
  // so the next start seeds it again, rather than half-seeded and never repaired.
  return db.$client.transaction(() => seedCatalog(db, dir, figures ? catalog : { ...catalog, figures: [] })).immediate();
}

function seedCatalog(db: Db, dir: string, catalog: z.output<typeof catalogSchema>): { imports: Array<ImportSummary & { file: string }> } {
  for (const event of catalog.events) ensureEvent(db, { ...event, endDate: event.endDate ?? null }, SEED_ACTOR);
  for (const metric of catalog.metrics) ensureMetric(db, metric, SEED_ACTOR);
  for (const { fullTextFile, ...source } of catalog.sources) {
    const fullText = fullTextFile ? fs.readFileSync(path.join(dir, fullTextFile), 'utf8') : null;
    ensureSource(db, { ...source, fullText }, SEED_ACTOR);
  }
  const imports = catalog.figures.map((file) => {
    const summary = importCsvText(db, fs.readFileSync(path.join(dir, file), 'utf8'), { userId: null, label: `seed: ${file}` }, { keepExisting: true });
    if (summary.errors.length) {
      throw new Error(`seed file ${file} has errors:\n${summary.errors.map(formatImportError).join('\n')}`);
    }
    return { ...summary, file };
  });
  return { imports };
}
