import { formatDate } from './wording';

export const SITE_NAME = 'Casualty and damage statistics';

/** What a citation of one of the site's pages says. Dates are ISO: `lastUpdated` may carry a time. */
export type PageCitation = {
  title: string;
  url: string;
  /** The day the reader opened the page (YYYY-MM-DD). */
  accessed: string;
  /** When the page's data last changed. */
  lastUpdated: string;
  /** What follows the site's name: a figure's number and revision. */
  detail?: string;
};

/** The citation as a reader pastes it into a text: title, site, address, last update, access date. */
export function plainCitation({ title, url, accessed, lastUpdated, detail }: PageCitation): string {
  return `“${title}.” ${SITE_NAME}${detail ? `, ${detail}` : ''}. ${url}. Data last updated ${formatDate(lastUpdated.slice(0, 10))}. Accessed ${formatDate(accessed)}.`;
}

const TEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // Not \{ and \}: BibTeX counts those braces too, and one left open swallows the fields after it.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text as a BibTeX field holds it: LaTeX's special characters escaped, and no brace of its own, so BibTeX reads the field whole. */
export function texEscape(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => TEX_SPECIAL[c]!).replace(/\s+/g, ' ');
}

/**
 * The entry's key, from the page's path: `cds-figures-32`, `cds-events-kazakhstan-2022-unrest`.
 * Only letters, digits and hyphens, which every BibTeX tool accepts.
 */
export function bibtexKey(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not an absolute address: its own text stands for the path.
  }
  const slug = path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug ? `cds-${slug}` : 'cds';
}

/**
 * A BibTeX `@misc` entry of the page: the site as its corporate author (double braces, so no style
 * takes it for a person's name), the title kept as written (double braces, so no style lowercases
 * it), the year of the data's last update, the address, and the access date in `urldate` (biblatex)
 * and in the note (classic styles, which ignore `urldate`).
 */
export function bibtexCitation(citation: PageCitation): string {
  const { title, url, accessed, lastUpdated, detail } = citation;
  const note = [detail, `Data last updated ${formatDate(lastUpdated.slice(0, 10))}`, `Accessed ${formatDate(accessed)}`].filter(Boolean).join('. ');
  const fields: Array<[string, string]> = [
    ['author', `{${texEscape(SITE_NAME)}}`],
    ['title', `{${texEscape(title)}}`],
    ['year', lastUpdated.slice(0, 4)],
    // An address holds no braces (they would unbalance the entry) and no spaces.
    ['url', url.replace(/[{}\s]/g, encodeURIComponent)],
    ['urldate', accessed],
    ['note', `${texEscape(note)}.`],
  ];
  return `@misc{${bibtexKey(url)},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}`;
}

// Half of a character (validation refuses them on the way in): not text a file can hold, and
// encodeURIComponent would throw on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A date as RIS writes it: YYYY/MM/DD. */
const risDate = (iso: string) => iso.slice(0, 10).replace(/-/g, '/');

/**
 * An RIS record of the page (EndNote, Zotero, Mendeley, RefWorks): an electronic source by the site
 * as a corporate author (the trailing comma keeps it from being read as a person's "Last, First"),
 * the title, the site's name as the website's, the data's last update as its date, the access date
 * (`Y2`), the address and a note with both dates. Each value is one line; a line break in the data
 * would start a new tag. Lines end in CRLF, as the specification asks; the text is well-formed
 * Unicode (half a character becomes U+FFFD), so it always encodes as UTF-8.
 */
export function risCitation(citation: PageCitation): string {
  const { title, url, accessed, lastUpdated, detail } = citation;
  const note = [detail, `Data last updated ${formatDate(lastUpdated.slice(0, 10))}`, `Accessed ${formatDate(accessed)}`].filter(Boolean).join('. ');
  const tags: Array<[string, string]> = [
    ['TY', 'ELEC'],
    ['AU', `${SITE_NAME},`],
    ['TI', title],
    ['T2', SITE_NAME],
    ['PY', lastUpdated.slice(0, 4)],
    ['DA', risDate(lastUpdated)],
    ['Y2', risDate(accessed)],
    ['UR', url],
    ['N1', `${note}.`],
    ['ER', ''],
  ];
  return tags.map(([tag, value]) => `${tag}  - ${value.replace(LONE_SURROGATE, '\uFFFD').replace(/\s+/g, ' ').trim()}`).join('\r\n') + '\r\n';
}
