import { bibtexCitation, plainCitation, type PageCitation } from '@/lib/page-citation';
import { formatDate } from '@/lib/wording';
import { CopyButton } from './copy-button';

/**
 * A ready citation of the page, with the date accessed and the date its data last changed, and the
 * same as a BibTeX entry for reference managers; each with a button to copy it where JavaScript runs.
 */
export function CiteThisPage(props: PageCitation) {
  const citation = plainCitation(props);
  const bibtex = bibtexCitation(props);
  return (
    <section aria-labelledby="cite-title" className="cite">
      <h2 id="cite-title">Cite this page</h2>
      <p>
        Data last updated <time dateTime={props.lastUpdated}>{formatDate(props.lastUpdated.slice(0, 10))}</time>.
      </p>
      <pre className="citation-text" tabIndex={0} aria-label="Citation">{citation}</pre>
      <CopyButton text={citation} label="Copy the citation" />
      <details className="bibtex">
        <summary>BibTeX entry</summary>
        <pre className="citation-text" tabIndex={0} aria-label="BibTeX entry">{bibtex}</pre>
        <CopyButton text={bibtex} label="Copy the BibTeX entry" />
      </details>
    </section>
  );
}
