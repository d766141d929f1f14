import { html, type Html } from '@/lib/html';

/** A numbered citation that leads to the source in the page's source list. */
export function citationLinkHtml(number: number, id?: string): Html {
  return html`<a class="citation" href="#source-${number}"${id ? html` id="${id}"` : null} aria-label="source ${number}">[${number}]</a>`;
}
