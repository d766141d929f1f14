import 'server-only';
import { cache } from 'react';
import { getDb, readTransaction } from '@/db/index';
import { findFigurePage, type FigurePage } from '@/db/queries/figure-page';
import { seriesRows, type SeriesRow } from './dashboard';
import { pageIdOf } from './page-id';
import { describeScope, formatFigureWithUnit } from './wording';

/** What a figure is in one line, as its page's title: "Deaths, Kazakhstan: 225 people". */
export function figureTitle(f: FigurePage['figure']): string {
  return `${f.metric.label}, ${describeScope(f.group, f.location)}: ${formatFigureWithUnit(f)}`;
}

/**
 * A figure's public page for the id in its address ("7"), or null when there is no such figure.
 * Retracted figures keep their page: a citation made before the retraction still leads somewhere,
 * and says so. Read once per request (the page and its metadata both ask), in one snapshot.
 */
export const loadFigurePage = cache((idParam: string): (FigurePage & { title: string; rows: SeriesRow[] }) | null => {
  const id = pageIdOf(idParam);
  const page = id === null ? undefined : readTransaction(getDb(), () => findFigurePage(getDb(), id));
  if (!page) return null;
  return { ...page, title: figureTitle(page.figure), rows: seriesRows(page.series, page.latest) };
});
