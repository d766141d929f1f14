import type { NewSource } from '@/db/queries/import-statements';
import { formatDate } from '@/lib/wording';

/** An import's counts, as the command line and the upload form both say them. */
export type ImportCounts = { rowsRead: number; created: number; updated: number; unchanged: number; rejected: number; newSources?: NewSource[] };

const rows = (n: number) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;
const count = (n: number) => n.toLocaleString('en-US');

/** Sources named in a summary before "and N more". */
export const NEW_SOURCES_NAMED = 10;

/**
 * "2 rows read, 2 created, 0 updated, 0 unchanged, 0 rejected"; for a dry run, which writes
 * nothing, what it would do: "1 row read, 1 would be created, 0 would be updated, …". Sources the
 * import created are named, so that one made by a typo (another date, a misspelt publisher)
 * is seen at once rather than found later on the event page: "; 1 new source: Ministry of
 * Health, TASS, 9 January 2022".
 */
export function importCountsWords(c: ImportCounts, dryRun: boolean): string {
  const would = dryRun ? 'would be ' : '';
  const counts = `${rows(c.rowsRead)} read, ${count(c.created)} ${would}created, ${count(c.updated)} ${would}updated, ${count(c.unchanged)} unchanged, ${count(c.rejected)} rejected`;
  const sources = c.newSources ?? [];
  if (!sources.length) return counts;
  // Told apart as the site tells them apart: by title, else by web address as well.
  const named = sources
    .slice(0, NEW_SOURCES_NAMED)
    .map((s) => [s.reportingBody, s.publisher, s.title ? `“${s.title}”` : s.url, formatDate(s.publishedOn)].filter(Boolean).join(', '));
  const more = sources.length > NEW_SOURCES_NAMED ? ` and ${count(sources.length - NEW_SOURCES_NAMED)} more` : '';
  return `${counts}; ${count(sources.length)} new source${sources.length === 1 ? '' : 's'} ${dryRun ? 'would be created' : 'created'}: ${named.join('; ')}${more}`;
}
