import Link from 'next/link';

/**
 * Previous and next page links with the position, for long tables. The links scroll to their
 * target (the table's heading, by the hash hrefFor gives), as they do without JavaScript.
 */
export function Pagination({ label, page, pages, hrefFor }: { label: string; page: number; pages: number; hrefFor: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? <Link href={hrefFor(page - 1)}>Previous</Link> : <span aria-hidden="true">Previous</span>}
      <span>Page {page} of {pages}</span>
      {page < pages ? <Link href={hrefFor(page + 1)}>Next</Link> : <span aria-hidden="true">Next</span>}
    </nav>
  );
}
