import { eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../index';
import { preparedPerConnection, preparedQueryPer } from '../prepared';
import { catalogVersion, dataVersion } from '../schema';

const MISSING_ROW = 'the database has lost a version row (data_version or catalog_version, id 1), so no cached page could be trusted';

// Read by every render of a public page: built and prepared once per connection.
const dataVersionQuery = preparedQueryPer((db) =>
  db.select({ version: dataVersion.version, updatedAt: dataVersion.updatedAt }).from(dataVersion).where(eq(dataVersion.id, 1)).prepare(),
);

/**
 * The counter of changes to public data; one indexed single-row read. Throws when its row is
 * gone (a damaged database): a cache keyed by a counter that never moves would never refresh.
 */
export function readDataVersion(db: Executor): { version: number; updatedAt: string } {
  const row = dataVersionQuery(db).get();
  if (!row) throw new Error(MISSING_ROW);
  return row;
}

/** The counter of changes to the catalog (events, metrics, sources; see db/schema.ts catalogVersion). */
export function readCatalogVersion(db: Executor): number {
  const row = db.select({ version: catalogVersion.version }).from(catalogVersion).where(eq(catalogVersion.id, 1)).get();
  if (!row) throw new Error(MISSING_ROW);
  return row.version;
}

/**
 * The events whose figures changed after data version `version` (their revision is newer), and
 * those with a series still stale (written outside the app's write paths, not yet refreshed).
 */
export function eventsChangedSince(db: Executor, version: number): number[] {
  return db
    .values<[number]>(sql`SELECT event_id FROM event_revisions WHERE rev > ${version} UNION SELECT event_id FROM series_stale`)
    .map(([id]) => id);
}

/**
 * What a rendered public page is valid for: `tag` names the data it shows (a page is kept while
 * its tag holds), `order` is the data version it was read at (a render never replaces a later one).
 */
export type PageVersion = { tag: string; order: number };

type EventVersionRow = { data: number; catalog: number; event: number | null; rev: number | null; stale: number };

// Read on every request for a cached page.
const eventVersionStatement = preparedPerConnection((client) =>
  client.prepare<[string], EventVersionRow>(`
    SELECT d.version AS data, c.version AS catalog, e.id AS event, r.rev AS rev,
      EXISTS (SELECT 1 FROM series_stale s WHERE s.event_id = e.id) AS stale
    FROM data_version d
    CROSS JOIN catalog_version c
    LEFT JOIN events e ON e.slug = ?
    LEFT JOIN event_revisions r ON r.event_id = e.id
    WHERE d.id = 1 AND c.id = 1`),
);

/** The version of a page that may show any public data (the event list): every write counts. */
export function readDataPageVersion(db: Db): PageVersion {
  const { version } = readDataVersion(db);
  return { tag: `data ${version}`, order: version };
}

/**
 * The version of an event's page: the catalog's (events, metrics, sources: any of them may show
 * on it) and the event's own revision, so a write to another event's figures leaves it valid.
 * While a series of the event is still stale (written outside this project's write paths, before
 * any refresh), and for an unknown event, every write counts instead.
 */
export function readEventPageVersion(db: Db, slug: string): PageVersion {
  const row = eventVersionStatement(db).get(slug);
  if (!row) throw new Error(MISSING_ROW);
  const perEvent = row.event !== null && row.stale === 0;
  return { tag: perEvent ? `catalog ${row.catalog} event ${row.rev ?? 'none'}` : `data ${row.data}`, order: row.data };
}
