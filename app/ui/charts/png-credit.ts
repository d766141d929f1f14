import { formatDate } from '@/lib/wording';

/**
 * What a downloaded chart PNG says about itself, as plain rules with no DOM: which lines go
 * above and below the plot, wrapped to a width by a measure function the caller supplies (the
 * canvas's measureText in the browser), so a republished image keeps its title, its sources,
 * the address it came from and the day it was saved.
 */

export type CreditStyle = 'title' | 'context' | 'subtitle' | 'sources' | 'credit';
export type CreditLine = { text: string; style: CreditStyle };
/** The drawn width of `text` in `style`, in the same units as the width given to the layout. */
export type Measure = (text: string, style: CreditStyle) => number;

export type CreditInput = {
  title: string;
  /**
   * What the chart is of (the event's name), on a line of its own under the title: a picture
   * posted alone still says which crisis its numbers are about.
   */
  context?: string;
  /** Lines under the title, in order of preference: the first that fits its lines is used. */
  subtitles?: readonly string[];
  /** The chart's citations, one per bar or point, such as "[1] Kazinform, 2022-01-09". */
  citations: readonly string[];
  siteName: string;
  url: string;
  /** The reader's calendar day, YYYY-MM-DD. */
  downloadedOn: string;
};

export const CREDIT_LIMITS = { titleLines: 2, contextLines: 1, subtitleLines: 2, sourceLines: 4, creditLines: 3 } as const;

const ELLIPSIS = '…';

/** Cuts `text` to the longest start that, with an ellipsis, fits `width`. */
function ellipsize(text: string, width: number, measure: (t: string) => number): string {
  if (measure(text) <= width) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS) <= width) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}

/** Breaks a word wider than `width` (an address, say) into pieces that fit, at least one character each. */
function breakWord(word: string, width: number, measure: (t: string) => number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && measure(piece + ch) > width) {
      pieces.push(piece);
      piece = ch;
    } else piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Greedy word wrap of `text` to `width`. Words too wide for a line are broken; past `maxLines`
 * the last line kept ends with an ellipsis.
 */
export function wrapText(text: string, width: number, measure: (t: string) => number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (measure(word) <= width) {
      line = word;
    } else {
      const pieces = breakWord(word, width, measure);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(`${kept[maxLines - 1]} ${lines[maxLines]}`, width, measure);
  return kept;
}

const CITATION = /^\[(\d+)\]\s*(.*?),\s*(\d{4}-\d{2}-\d{2})$/;

/**
 * The distinct sources among a chart's citations, in citation-number order, each once with the
 * dates it reported on, in order and worded as the page words them: "[1] Kazinform, 9 January
 * 2022, 15 January 2022" (from "[1] Kazinform, 2022-01-09" and "[1] Kazinform, 2022-01-15"). A
 * citation of another shape is kept as it is.
 */
export function distinctSources(citations: readonly string[]): string[] {
  const bySource = new Map<string, { number: number; name: string; dates: string[] }>();
  const other: string[] = [];
  for (const raw of citations) {
    const citation = raw.trim();
    if (!citation) continue;
    const m = CITATION.exec(citation);
    if (!m) {
      if (!other.includes(citation)) other.push(citation);
      continue;
    }
    const [, number, name, date] = m as unknown as [string, string, string, string];
    const key = `[${number}] ${name}`;
    const entry = bySource.get(key) ?? { number: Number(number), name: key, dates: [] };
    if (!entry.dates.includes(date)) entry.dates.push(date);
    bySource.set(key, entry);
  }
  const numbered = [...bySource.values()]
    .sort((a, b) => a.number - b.number || a.name.localeCompare(b.name))
    .map((s) => `${s.name}, ${[...s.dates].sort().map(formatDate).join(', ')}`);
  return [...numbered, ...other];
}

/**
 * The "Sources:" lines: every source when they fit in `maxLines`, else as many as fit followed
 * by "and N more".
 */
export function sourceLines(sources: readonly string[], width: number, measure: (t: string) => number, maxLines: number = CREDIT_LIMITS.sourceLines): string[] {
  const label = sources.length === 1 ? 'Source:' : 'Sources:';
  if (sources.length === 0) return wrapText('Sources: none published.', width, measure, maxLines);
  const fitting = (shown: number): string[] | null => {
    const rest = sources.length - shown;
    const parts = [...sources.slice(0, shown), ...(rest ? [`and ${rest} more (listed on the page)`] : [])];
    const lines = wrapText(`${label} ${parts.join('; ')}.`, width, measure);
    return lines.length <= maxLines ? lines : null;
  };
  const all = fitting(sources.length);
  if (all) return all;
  // The most sources that fit, by halving: a chart citing hundreds of sources costs a few
  // wrappings of the text, not one per source.
  let fits = -1;
  let fitsNot = sources.length;
  while (fitsNot - fits > 1) {
    const mid = (fits + fitsNot) >> 1;
    if (fitting(mid)) fits = mid;
    else fitsNot = mid;
  }
  if (fits >= 0) return fitting(fits)!;
  // Not even the count fits: the wrapped count, cut to its lines.
  return wrapText(`${label} ${sources.length} (listed on the page).`, width, measure, maxLines);
}

/** The lines drawn above the chart (title, what it is of, subtitle) and below it (sources, then the credit). */
export function creditLayout(input: CreditInput, width: number, measure: Measure): { above: CreditLine[]; below: CreditLine[] } {
  const as = (style: CreditStyle) => (text: string) => measure(text, style);
  const lines = (texts: string[], style: CreditStyle) => texts.map((text) => ({ text, style }));
  const above = lines(wrapText(input.title, width, as('title'), CREDIT_LIMITS.titleLines), 'title');
  if (input.context) above.push(...lines(wrapText(input.context, width, as('context'), CREDIT_LIMITS.contextLines), 'context'));
  for (const subtitle of input.subtitles ?? []) {
    const wrapped = wrapText(subtitle, width, as('subtitle'));
    if (wrapped.length > 0 && wrapped.length <= CREDIT_LIMITS.subtitleLines) {
      above.push(...lines(wrapped, 'subtitle'));
      break;
    }
  }
  const credit = `${input.siteName} · ${input.url} · Downloaded ${formatDate(input.downloadedOn)}`;
  const below = [
    ...lines(sourceLines(distinctSources(input.citations), width, as('sources')), 'sources'),
    ...lines(wrapText(credit, width, as('credit'), CREDIT_LIMITS.creditLines), 'credit'),
  ];
  return { above, below };
}

/**
 * The address to credit: the page without the query parts that do not choose what this chart
 * shows (other charts' choices, views, paging), pointing at the chart.
 */
export function chartAddress(href: string, chartId: string): string {
  const url = new URL(href);
  const kept = new URLSearchParams();
  for (const [key, value] of url.searchParams) if (key === chartId) kept.append(key, value);
  const query = kept.toString();
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}#${chartId}`;
}

/** The reader's calendar day as YYYY-MM-DD. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A title as a file-name part: lower case letters and digits joined by hyphens. */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length <= maxLength ? slug : slug.slice(0, maxLength).replace(/-[^-]*$/, '') || slug.slice(0, maxLength);
}

/** The PNG's file name: the given name, then the chart's title unless the name already has it. */
export function pngFileName(fileName: string, title: string): string {
  const slug = slugify(title);
  return `${!slug || fileName.includes(slug) ? fileName : `${fileName}-${slug}`}.png`;
}
