/** An import's counts, as the command line and the upload form both say them. */
export type ImportCounts = { rowsRead: number; created: number; updated: number; unchanged: number; rejected: number };

const rows = (n: number) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;
const count = (n: number) => n.toLocaleString('en-US');

/**
 * "2 rows read, 2 created, 0 updated, 0 unchanged, 0 rejected"; for a dry run, which writes
 * nothing, what it would do: "1 row read, 1 would be created, 0 would be updated, …".
 */
export function importCountsWords(c: ImportCounts, dryRun: boolean): string {
  const would = dryRun ? 'would be ' : '';
  return `${rows(c.rowsRead)} read, ${count(c.created)} ${would}created, ${count(c.updated)} ${would}updated, ${count(c.unchanged)} unchanged, ${count(c.rejected)} rejected`;
}
