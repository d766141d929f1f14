import 'server-only';
import { cache } from 'react';
import { getDb, readTransaction } from '@/db/index';
import { findFigurePage, type FigurePage } from '@/db/queries/figure-page';
import { seriesRows, type SeriesRow } from './dashboard';
import { pageIdOf } from './page-id';
import { describeScope, formatFigure, formatNumber, unitShown } from './wording';

/** Where a figure stands in its count: its latest published report, an earlier one, or retracted. */
export type Standing = 'latest' | 'superseded' | 'retracted';

export function standingOf(f: Pick<FigurePage['figure'], 'id' | 'status'>, latest: Pick<FigurePage['figure'], 'id'> | null): Standing {
  if (f.status === 'retracted') return 'retracted';
  return latest?.id === f.id ? 'latest' : 'superseded';
}

/**
 * What a figure is in one line, as its page's title and citation give it: "Deaths, Kazakhstan:
 * 225 people", with "(superseded)" or "(retracted)" when it is not its count's latest report, so
 * that a copied title or citation keeps that.
 */
export function figureTitle(f: FigurePage['figure'], standing: Standing): string {
  // A range without its best estimate, as a heading says it: the page's facts give the estimate.
  const unit = unitShown(f);
  const title = `${f.metric.label}, ${describeScope(f.group, f.location)}: ${formatFigure(f)}${unit ? ` ${unit}` : ''}`;
  return standing === 'latest' ? title : `${title} (${standing})`;
}

/**
 * What the page's lede says of the latest report of its count: the only one, or the latest
 * published of several, with the retracted ones said (one of them may be dated later).
 */
export function latestOfCountWords(count: number, retracted: number): string {
  if (count === 1) return 'The only report of this count.';
  if (!retracted) return `The latest of the ${formatNumber(count, '')} reports of this count.`;
  const published = count - retracted;
  const also = ` (and ${formatNumber(retracted, '')} retracted)`;
  if (published === 1) return `The only published report of this count${also}.`;
  return `The latest of the ${formatNumber(published, '')} published reports of this count${also}.`;
}

/**
 * When the page's data last changed: the figure, the reports of its count it lists, the latest
 * report (which may lie outside the list), and the sources it names for them.
 */
export function lastUpdatedOf(page: Pick<FigurePage, 'figure' | 'series' | 'latest'>): string {
  const shown = [page.figure, ...page.series, ...(page.latest ? [page.latest] : [])];
  return shown.flatMap((f) => [f.updatedAt, f.source.updatedAt]).reduce((at, u) => (u > at ? u : at), '');
}

/**
 * A figure's public page for the id in its address ("7"), or null when there is no such figure.
 * Retracted figures keep their page: a citation made before the retraction still leads somewhere,
 * and says so. Read once per request (the page and its metadata both ask), in one snapshot.
 */
export const loadFigurePage = cache((idParam: string): (FigurePage & { title: string; standing: Standing; rows: SeriesRow[] }) | null => {
  const id = pageIdOf(idParam);
  const page = id === null ? undefined : readTransaction(getDb(), () => findFigurePage(getDb(), id));
  if (!page) return null;
  const standing = standingOf(page.figure, page.latest);
  return { ...page, title: figureTitle(page.figure, standing), standing, rows: seriesRows(page.series, page.latest) };
});
