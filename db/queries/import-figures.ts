import { asc } from 'drizzle-orm';
import type { ImportError } from '@/lib/import/errors';
import { amountOf, changesCheckedParts, factorBetween, UNUSUAL_FACTOR } from '@/lib/plausibility';
import { unitMismatch } from '@/lib/validation/figure';
import type { ParsedRow, RowReference } from '@/lib/import/parse';
import type { Db } from '../index';
import { events, metrics, type Figure } from '../schema';
import type { Actor } from './audit';
import { createImportStage, type ExistingMatch } from './import-stage';
import { aloneInSeries, unusualImportRows, type UnusualImportRow } from './import-unusual';
import { prepareImportStatements, type FigureValues, type NewSource } from './import-statements';
import { refreshStaleSeries } from './series-summaries';

export type WriteCounts = { created: number; updated: number; unchanged: number };
/**
 * `newSources`: the sources the import created (a dry run: would create); none when it failed.
 * `unusual`: the rows it created or changed whose number is far from its series' neighbours.
 */
export type WriteResult = WriteCounts & { errors: ImportError[]; newSources: NewSource[]; unusual: UnusualImportRow[] };

class DryRunRollback extends Error {}

// How often a long write reports its progress, in rows.
const PROGRESS_EVERY = 1000;

type CatalogMetric = { id: number; label: string; unit: string };

function catalogIds(db: Db): { eventIds: Map<string, number>; metricsByKey: Map<string, CatalogMetric> } {
  const eventIds = new Map(db.select({ slug: events.slug, id: events.id }).from(events).all().map((e) => [e.slug, e.id]));
  const metricsByKey = new Map(
    db.select({ key: metrics.key, id: metrics.id, label: metrics.label, unit: metrics.unit }).from(metrics).orderBy(asc(metrics.sortOrder), asc(metrics.key)).all()
      .map(({ key, ...metric }) => [key, metric]),
  );
  return { eventIds, metricsByKey };
}

function unknownReferences(refs: RowReference[], eventIds: Map<string, number>, metricsByKey: Map<string, CatalogMetric>): ImportError[] {
  const errors: ImportError[] = [];
  for (const row of refs) {
    const { line } = row;
    if (row.event_slug !== undefined && !eventIds.has(row.event_slug)) errors.push({ line, column: 'event_slug', message: `unknown event "${row.event_slug}"; create the event first.` });
    if (row.metric === undefined) continue;
    const metric = metricsByKey.get(row.metric);
    if (!metric) errors.push({ line, column: 'metric', message: `unknown metric "${row.metric}"; known metrics: ${[...metricsByKey.keys()].join(', ')}.` });
    else if (row.unit !== undefined) {
      const mismatch = unitMismatch(row.unit, metric);
      if (mismatch) errors.push({ line, column: 'unit', message: mismatch });
    }
  }
  return errors;
}

/**
 * The events and metrics that rows name but the database does not hold, and units that are not
 * their metric's. The importer calls it even when other rows are invalid, so one pass reports
 * every problem of the file.
 */
export function findUnknownReferences(db: Db, refs: RowReference[]): ImportError[] {
  const { eventIds, metricsByKey } = catalogIds(db);
  return unknownReferences(refs, eventIds, metricsByKey);
}

/** How a change of status is recorded: a retraction and a restoration are named as such. */
function auditAction(before: string, after: string): 'update' | 'retract' | 'restore' {
  if (before === after) return 'update';
  return after === 'retracted' ? 'retract' : 'restore';
}

/** The columns a re-import may change on an existing figure (its identity aside). */
const COMPARED = ['qualifier', 'valueLow', 'valueBest', 'valueHigh', 'unit', 'quote', 'note', 'status', 'retractionReason'] as const;

type WriteOptions = {
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
  columns?: ReadonlySet<string>;
  keepExisting?: boolean;
  /** The editor's reason for the import, kept with each of its audit entries. */
  reason?: string;
};

/**
 * Writes validated import rows in one transaction: every row or none. Events and metrics must
 * exist (an unknown one is an error at its line and column, and nothing is written); sources
 * are created when new. A figure is identified by event, metric, group, location, source and
 * reported-on date, so importing the same file twice changes nothing. With `dryRun` the same
 * work runs and is rolled back, so the counts are what a real import would do.
 *
 * The rows go into a temporary stage first; then, a thousand rows at a time, the new figures
 * and their audit entries are written by one statement each (import-stage.ts), and the rows
 * whose figure exists already are compared and updated one by one. Audit entries therefore come
 * sources first, then per thousand rows the created figures and then the updated ones.
 */
export function writeImportRows(db: Db, rows: ParsedRow[], actor: Actor, opts: WriteOptions = {}): WriteResult {
  const { eventIds, metricsByKey } = catalogIds(db);
  const errors = unknownReferences(
    rows.map(({ line, row }) => ({ line, event_slug: row.event_slug, metric: row.metric, unit: row.unit })),
    eventIds,
    metricsByKey,
  );
  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
  if (errors.length) return { ...counts, errors, newSources: [], unusual: [] };
  let unusual: UnusualImportRow[] = [];

  const statements = prepareImportStatements(db, actor, opts.reason);
  const write = () => {
    opts.onProgress?.(0, rows.length);
    const stage = createImportStage(db, actor, opts.reason);
    const seenKeys = new Map<string, number>();
    // Rows whose number was published before and stays as it was (a note corrected, or nothing):
    // not named again, as the form does not ask again when an edit leaves the number alone.
    const sameNumberLines = new Set<number>();
    // Published figures whose number a row changes tenfold: compared with their saved number when
    // they are alone in their series, as the form compares the only report of a series.
    const tenfold: Array<{ line: number; existing: Figure; merged: FigureValues }> = [];
    for (const { line, row } of rows) {
      const sourceId = statements.ensureSource({
        reportingBody: row.reporting_body, publisher: row.publisher, title: row.source_title, url: row.source_url, publishedOn: row.source_published_on ?? row.reported_on,
      });
      const values: FigureValues = {
        eventId: eventIds.get(row.event_slug)!,
        metricId: metricsByKey.get(row.metric)!.id,
        group: row.group,
        location: row.location,
        sourceId,
        reportedOn: row.reported_on,
        qualifier: row.qualifier,
        valueLow: row.value_low,
        valueBest: row.value_best,
        valueHigh: row.value_high,
        unit: row.unit,
        quote: row.quote === '' ? null : row.quote,
        note: row.note,
        status: row.status ?? 'published',
        retractionReason: row.status === 'retracted' ? row.retraction_reason : null,
      };
      const key = `${values.eventId}\u0000${values.metricId}\u0000${values.group}\u0000${values.location}\u0000${sourceId}\u0000${values.reportedOn}`;
      const earlier = seenKeys.get(key);
      if (earlier !== undefined) {
        errors.push({ line, column: null, message: `the same figure (event, metric, group, location, source and date) is already on line ${earlier}.` });
        continue;
      }
      seenKeys.set(key, line);
      stage.add(line, values);
    }
    // A file that names one figure twice is refused whole: nothing more to write or count.
    if (errors.length) throw new DryRunRollback();
    // A slice at a time, so that a long import reports its progress while it writes.
    for (let from = 1; from <= stage.size; from += PROGRESS_EVERY) {
      const to = Math.min(from + PROGRESS_EVERY - 1, stage.size);
      const { created, existing } = stage.createNew(from, to);
      // Every staged row is either new or names a figure that existed before the import (the
      // file's own repeats were refused above); anything else would miscount, so it stops here.
      if (created + existing.length !== to - from + 1) throw new Error(`import: ${to - from + 1} staged rows gave ${created} new and ${existing.length} existing figures.`);
      counts.created += created;
      for (const match of existing) {
        const change = changeOf(match, opts);
        if (change) {
          statements.updateFigure(match.existing, change.merged, change.action);
          counts.updated++;
          const [was, now] = [amountOf(match.existing), change.merged.status === 'published' ? amountOf(change.merged) : null];
          if (match.existing.status === 'published' && was !== null && now !== null && factorBetween(was, now) >= UNUSUAL_FACTOR) tenfold.push({ line: match.line, existing: match.existing, merged: change.merged });
        } else {
          counts.unchanged++;
        }
        if (match.existing.status === 'published' && !changesCheckedParts(match.existing, change?.merged ?? match.existing)) sameNumberLines.add(match.line);
      }
      opts.onProgress?.(to, rows.length);
    }
    // The summaries of every series the import touched, in one pass before it commits; in a dry
    // run too (rolled back with the rest), as the check of unusual numbers reads them.
    refreshStaleSeries(db);
    // Read while the stage is there, and in a dry run before the rollback.
    if (counts.created + counts.updated > 0) {
      const alone = aloneInSeries(db, tenfold.map((t) => t.existing.id));
      const againstSaved: UnusualImportRow[] = tenfold
        .filter((t) => alone.has(t.existing.id))
        .map((t) => ({ line: t.line, entered: t.merged, before: null, after: null, saved: t.existing }));
      // A report alone in its series has no neighbour, so the two lists never name one row twice.
      unusual = [...unusualImportRows(db).filter((r) => !sameNumberLines.has(r.line)), ...againstSaved].sort((a, b) => a.line - b.line);
    }
    stage.drop();
    if (opts.dryRun) throw new DryRunRollback();
  };
  try {
    // IMMEDIATE: take the write lock before the first read, so a server write in between can
    // never invalidate this transaction's snapshot half-way (SQLITE_BUSY_SNAPSHOT).
    withBulkWriteSettings(db, () => db.transaction(write, { behavior: 'immediate' }));
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  return { ...counts, errors, newSources: errors.length ? [] : statements.newSources(), unusual: errors.length ? [] : unusual };
}

/**
 * Runs a bulk write `fn` with the connection set for it, then sets the connection back.
 * A large import touches every page of six indexes in one transaction; with SQLite's default
 * 2 MB page cache those pages are evicted and read again row after row: 64 MB for the duration
 * of the write only (a profile of 100,000 rows: about a sixth of the time).
 * Each insert into figures fires the data_version trigger, which makes SQLite keep a statement
 * journal; in a temporary file (temp_store's default here) that journal cost about 15 µs per
 * row, more than the insert itself, and the import's stage (import-stage.ts) is a temporary
 * table too: in memory for the write only. SQLite refuses to switch once the connection's
 * temporary database is open inside a transaction, so a write nested in a caller's transaction
 * (the seed: a few dozen rows) leaves that setting as it is.
 */
export function withBulkWriteSettings<T>(db: Db, fn: () => T): T {
  const previousCache = db.$client.pragma('cache_size', { simple: true }) as number;
  db.$client.pragma('cache_size = -65536');
  const previousTempStore = db.$client.inTransaction ? undefined : (db.$client.pragma('temp_store', { simple: true }) as number);
  if (previousTempStore !== undefined) db.$client.pragma('temp_store = MEMORY');
  try {
    return fn();
  } finally {
    db.$client.pragma(`cache_size = ${previousCache}`);
    if (previousTempStore !== undefined) db.$client.pragma(`temp_store = ${previousTempStore}`);
  }
}

/**
 * What a row of the file changes on the figure that exists with its identity: nothing (same
 * values, or `keepExisting`), or the merged values and how the change is audited.
 */
function changeOf({ values, existing }: ExistingMatch, opts: WriteOptions): { merged: FigureValues; action: 'update' | 'retract' | 'restore' } | null {
  // A column the file does not have says nothing about a figure: its value in the database stays.
  const has = (column: string) => !opts.columns || opts.columns.has(column);
  const merged: FigureValues = {
    ...values,
    quote: has('quote') ? values.quote : existing.quote,
    note: has('note') ? values.note : existing.note,
    status: has('status') ? values.status : existing.status,
    retractionReason: has('status') ? values.retractionReason : existing.retractionReason,
  };
  if (opts.keepExisting || COMPARED.every((c) => existing[c] === merged[c])) return null;
  return { merged, action: auditAction(existing.status, merged.status) };
}
