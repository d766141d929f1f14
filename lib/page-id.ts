/** A record's id in an address: digits, no leading zero (the page cache's rules use it too). */
export const PAGE_ID_PATTERN = '[1-9][0-9]{0,15}';
const PAGE_ID = new RegExp(`^${PAGE_ID_PATTERN}$`);

/**
 * The id a public page's address names, as the site writes them ("/sources/12", "/figures/7"):
 * digits only, no leading zero, or null. One address per record, so a citation stays one URL.
 */
export function pageIdOf(param: string): number | null {
  if (!PAGE_ID.test(param)) return null;
  const id = Number(param);
  return Number.isSafeInteger(id) ? id : null;
}

/** A figure's public page: where its number on the event page leads, and what a citation of it names. */
export function figureHref(id: number): string {
  return `/figures/${id}`;
}

/** The page number a `?page=` parameter asks for: its digits as the site writes them, else page 1. */
export function pageNumberOf(param: string | string[] | undefined): number {
  return (typeof param === 'string' ? pageIdOf(param) : null) ?? 1;
}

/** The CSV of every report of one count (event × metric × group × place), retracted ones included. */
export function countCsvHref(count: { event: string; metric: string; group: string; location: string }): string {
  return `/api/figures.csv?${new URLSearchParams({ ...count, status: 'all' })}`;
}
