import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../index';
import { preparedPerConnection } from '../prepared';
import type { Source } from '../schema';
import { latestOfSeries, listSourceFigures, type FigureWithContext } from './figures';

/** How many of the figures citing a source its page lists at a time, each linking to its own page. */
export const SOURCE_FIGURES_PER_PAGE = 200;

/** A source as its public page shows it: the source, its full text, the events that cite it and the figures. */
export type SourcePage = {
  source: Source;
  citedIn: Array<{ id: number; slug: string; name: string; figures: number }>;
  /** One page of the figures citing it, in the order they were entered. */
  figures: FigureWithContext[];
  /** Which page of them (from 1, within range) and how many pages there are. */
  page: number;
  pages: number;
  /** The latest published report of each count those figures belong to, by id: a figure is its count's latest when it is here. */
  latest: Set<number>;
};

type SourceRow = [number, string, string, string, string, string, string | null, string, string];

/**
 * The source with this id and where it is cited, or undefined: also when no figure cites it. A
 * source is public through the figures that cite it; one an editor has entered but nothing cites
 * yet is not shown.
 */
export function findSourcePage(db: Executor, id: number, page = 1): SourcePage | undefined {
  const row = db.values<SourceRow>(sql`
    SELECT id, reporting_body, publisher, title, url, published_on, full_text, created_at, updated_at FROM sources WHERE id = ${id}`)[0];
  if (!row) return undefined;
  const [, reportingBody, publisher, title, url, publishedOn, fullText, createdAt, updatedAt] = row;
  // By the figures' source index: the events this source's figures belong to.
  const citedIn = db
    .values<[number, string, string, number]>(sql`
      SELECT e.id, e.slug, e.name, count(*) FROM figures f JOIN events e ON e.id = f.event_id
      WHERE f.source_id = ${id} GROUP BY e.id ORDER BY e.start_date DESC, e.name`)
    .map(([eventId, slug, name, figures]) => ({ id: eventId, slug, name, figures }));
  if (!citedIn.length) return undefined;
  const pages = Math.ceil(citedIn.reduce((n, e) => n + e.figures, 0) / SOURCE_FIGURES_PER_PAGE);
  const shown = Math.min(Math.max(1, page), pages);
  const figures = listSourceFigures(db, id, { limit: SOURCE_FIGURES_PER_PAGE, offset: (shown - 1) * SOURCE_FIGURES_PER_PAGE });
  const latest = latestOfSeries(db, figures);
  return { source: { id, reportingBody, publisher, title, url, publishedOn, fullText, createdAt, updatedAt }, citedIn, figures, page: shown, pages, latest };
}

/** Which of these sources have a full text (their page shows it), one statement for any number of ids. */
export function sourcesWithFullText(db: Executor, ids: number[]): Set<number> {
  if (!ids.length) return new Set();
  const rows = db.values<[number]>(sql`
    SELECT id FROM sources WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND full_text IS NOT NULL AND full_text <> ''`);
  return new Set(rows.map(([id]) => id));
}

// Asked before a source page is served (scripts/serve.ts).
const citedStatement = preparedPerConnection((client) => client.prepare<[number], 1>('SELECT 1 FROM figures WHERE source_id = ? LIMIT 1').pluck());

/** Whether the source with this id has a public page: a figure cites it (findSourcePage's rule). */
export function sourcePageExists(db: Db, id: number): boolean {
  return citedStatement(db).get(id) !== undefined;
}
