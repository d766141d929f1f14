import type { FigureWithContext } from '@/db/queries/figures';
import type { Source } from '@/db/schema';
import { formatDate } from './wording';

export type CitedSource = Omit<Source, 'fullText'> & {
  number: number;
  /** Verbatim quotes of the figures that cite this source, each once. */
  quotes: string[];
  /** Where on the page the source is cited: anchors of headline cards, for the way back. */
  citedBy: Array<{ anchor: string; label: string }>;
};

/** One place the page cites a source: its card's way back, or a verbatim quote to show. */
export type Citation = {
  source: Omit<Source, 'fullText'>;
  quote?: string | null;
  backLink?: { anchor: string; label: string };
};

/**
 * Numbers every cited source once, in the order of `citations`: the headline cards' sources in
 * the order the cards cite them, then the rest of the sources (by their earliest report). A figure's citation is its source's
 * number; each source keeps its quotes and the cards citing it, each once.
 */
export function numberSources(citations: Citation[]): { sources: CitedSource[]; numberOf: (sourceId: number) => number } {
  const bySource = new Map<number, CitedSource>();
  // What each source already lists, so that thousands of citations cost one lookup each.
  const listed = new Map<number, Set<string>>();
  for (const { source, quote, backLink } of citations) {
    let cited = bySource.get(source.id);
    if (!cited) {
      cited = { ...source, number: bySource.size + 1, quotes: [], citedBy: [] };
      bySource.set(source.id, cited);
      listed.set(source.id, new Set());
    }
    const seen = listed.get(source.id)!;
    if (quote && !seen.has(`q:${quote}`)) {
      seen.add(`q:${quote}`);
      cited.quotes.push(quote);
    }
    if (backLink && !seen.has(`a:${backLink.anchor}`)) {
      seen.add(`a:${backLink.anchor}`);
      cited.citedBy.push(backLink);
    }
  }
  return {
    sources: [...bySource.values()],
    numberOf: (sourceId) => bySource.get(sourceId)?.number ?? 0,
  };
}

/** The name a source goes by in a source line: its publisher, else who announced it. */
export function sourceName(s: Pick<Source, 'publisher' | 'reportingBody'>): string {
  return s.publisher || s.reportingBody;
}

/** "TASS, Interfax and Kazinform": the publishers a chart draws on, each once, in order. */
export function sourceLine(figures: FigureWithContext[]): string {
  const names = [...new Set(figures.map((f) => sourceName(f.source)))];
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const DATE_AT_END = /\d{4}-\d{2}-\d{2}$/;

/** A chart's citation as a reader sees it: "[1] Kazinform, 9 January 2022" for "[1] Kazinform, 2022-01-09". */
export function wordedCitation(citation: string): string {
  return citation.replace(DATE_AT_END, (date) => formatDate(date));
}
