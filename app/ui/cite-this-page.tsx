import { bibtexCitation, bibtexKey, plainCitation, risCitation, type PageCitation } from '@/lib/page-citation';
import { formatDate } from '@/lib/wording';
import { CopyButton } from './copy-button';

/**
 * A ready citation of the page, with the date accessed and the date its data last changed, and the
 * same for reference managers as a BibTeX entry and as an RIS record (also as a file to open in
 * one); each with a button to copy it where JavaScript runs.
 */
export function CiteThisPage(props: PageCitation) {
  const citation = plainCitation(props);
  const bibtex = bibtexCitation(props);
  const ris = risCitation(props);
  return (
    <section aria-labelledby="cite-title" className="cite">
      <h2 id="cite-title">Cite this page</h2>
      <p>
        {/* The date the data changed here (an editor's save, an import, the first load), not the
            date of the latest report: the citation's "Data last updated" is this date. */}
        Data last updated <time dateTime={props.lastUpdated}>{formatDate(props.lastUpdated.slice(0, 10))}</time>: the last time an editor saved,
        imported or loaded this page&rsquo;s figures on this site, not the date of its latest report.
      </p>
      <pre className="citation-text" tabIndex={0} aria-label="Citation">{citation}</pre>
      <CopyButton text={citation} label="Copy the citation" />
      <details className="citation-format">
        <summary>BibTeX entry</summary>
        <pre className="citation-text" tabIndex={0} aria-label="BibTeX entry">{bibtex}</pre>
        <CopyButton text={bibtex} label="Copy the BibTeX entry" />
      </details>
      <details className="citation-format">
        <summary>RIS record (EndNote, Zotero, Mendeley)</summary>
        <pre className="citation-text" tabIndex={0} aria-label="RIS record">{ris}</pre>
        <CopyButton text={ris} label="Copy the RIS record" />
        <p>
          {/* A file in the page itself: it downloads without JavaScript and without another request. */}
          {/* With a byte-order mark: EndNote on Windows otherwise reads the file in its ANSI code page. */}
          <a href={`data:application/x-research-info-systems;charset=utf-8,%EF%BB%BF${encodeURIComponent(ris)}`} download={`${bibtexKey(props.url)}.ris`}>
            Download the RIS file
          </a>
        </p>
      </details>
    </section>
  );
}
