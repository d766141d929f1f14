import { formatDate } from '@/lib/wording';

export const SITE_NAME = 'Casualty and damage statistics';

/**
 * A ready citation of the page, with the date accessed and the date its data last changed;
 * `detail` follows the site's name (a figure's number and revision).
 */
export function CiteThisPage({ title, url, accessed, lastUpdated, detail }: { title: string; url: string; accessed: string; lastUpdated: string; detail?: string }) {
  const citation = `“${title}.” ${SITE_NAME}${detail ? `, ${detail}` : ''}. ${url}. Data last updated ${formatDate(lastUpdated.slice(0, 10))}. Accessed ${formatDate(accessed)}.`;
  return (
    <section aria-labelledby="cite-title" className="cite">
      <h2 id="cite-title">Cite this page</h2>
      <p>
        Data last updated <time dateTime={lastUpdated}>{formatDate(lastUpdated.slice(0, 10))}</time>.
      </p>
      <pre className="citation-text" tabIndex={0} aria-label="Citation">{citation}</pre>
    </section>
  );
}
