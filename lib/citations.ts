import type { FigureWithContext } from '@/db/queries/figures';
import type { Source } from '@/db/schema';

export type CitedSource = Omit<Source, 'fullText'> & {
  number: number;
  /** Verbatim quotes of the figures that cite this source, each once. */
  quotes: string[];
  /** Where on the page the source is cited: anchors of headline cards, for the way back. */
  citedBy: Array<{ anchor: string; label: string }>;
};

/**
 * Numbers every cited source once, in the order a reader meets them: first the figures given
 * (the headlines, in card order), then the rest of the reports. A figure's citation is its
 * source's number.
 */
export function numberSources(
  ordered: FigureWithContext[],
  backLinks: Map<number, { anchor: string; label: string }>,
): { sources: CitedSource[]; numberOf: (sourceId: number) => number } {
  const bySource = new Map<number, CitedSource>();
  // What each source already lists, so that thousands of reports cost one lookup each.
  const listed = new Map<number, Set<string>>();
  for (const f of ordered) {
    let cited = bySource.get(f.sourceId);
    if (!cited) {
      cited = { ...f.source, number: bySource.size + 1, quotes: [], citedBy: [] };
      bySource.set(f.sourceId, cited);
      listed.set(f.sourceId, new Set());
    }
    const seen = listed.get(f.sourceId)!;
    if (f.quote && !seen.has(`q:${f.quote}`)) {
      seen.add(`q:${f.quote}`);
      cited.quotes.push(f.quote);
    }
    const back = backLinks.get(f.id);
    if (back && !seen.has(`a:${back.anchor}`)) {
      seen.add(`a:${back.anchor}`);
      cited.citedBy.push(back);
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
