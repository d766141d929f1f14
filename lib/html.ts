/**
 * Markup written as strings, for the event page's largest static parts (its tables and cards):
 * React renders each element of a server component three times over (into its payload, back
 * out of it, into HTML), which for a page of a few thousand elements was most of an uncached
 * render (docs/benchmarks.md, budget 2). An `Html` value is made only by `html` below, which
 * escapes every value put into it, so no text from the database can become markup.
 */
export class Html {
  readonly #value: string;

  /** Only `html` makes one (the key is this module's): a value made elsewhere could hold markup nobody escaped. */
  constructor(key: symbol, value: string) {
    if (key !== MADE_BY_HTML) throw new TypeError('markup is made with the html template only');
    this.#value = value;
  }

  toString(): string {
    return this.#value;
  }

  /** The markup of a value made by `html`, or null: an object merely dressed as one (its prototype, its own toString) is not. */
  static markupOf(part: unknown): string | null {
    return typeof part === 'object' && part !== null && #value in part ? (part as Html).#value : null;
  }
}

const MADE_BY_HTML = Symbol('html');

/** What may go into markup: text and numbers (escaped), markup, lists of them; nothing for null, undefined or false. */
export type HtmlPart = string | number | Html | null | undefined | false | readonly HtmlPart[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

/** Text made safe both between tags and inside a double-quoted attribute, as React escapes it. */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: tested first, it is returned as it is, with no new string.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ENTITIES[c]!) : text;
}
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

function partText(part: HtmlPart): string {
  if (part === null || part === undefined || part === false) return '';
  if (Array.isArray(part)) return part.map(partText).join('');
  if (typeof part === 'number') {
    if (!Number.isFinite(part)) throw new TypeError(`not a number to write into markup: ${part}`);
    return String(part);
  }
  if (typeof part === 'string') return escapeHtml(part);
  const markup = Html.markupOf(part);
  if (markup !== null) return markup;
  throw new TypeError(`cannot write a ${typeof part} into markup`);
}

/**
 * Markup from a template: every interpolated string is escaped, `Html` values are kept as they
 * are. Attribute values must be written in double quotes (`href="${url}"`); an address must
 * already have been checked (lib/safe-url) before it is put into one.
 */
export function html(strings: TemplateStringsArray, ...parts: HtmlPart[]): Html {
  // Only a template literal's own strings (frozen, with their raw text): called as a plain
  // function, html would take whatever it was given as markup.
  if (!Array.isArray(strings) || !Object.isFrozen(strings) || !Array.isArray(strings.raw)) throw new TypeError('html is a tag for template literals: html`<p>${text}</p>`');
  let out = strings[0]!;
  for (let i = 0; i < parts.length; i++) out += partText(parts[i]) + strings[i + 1]!;
  return new Html(MADE_BY_HTML, out);
}
