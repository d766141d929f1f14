import type { Db } from '@/db/index';
import { readDataPageVersion, readEventPageVersion, readFigurePageVersion, type PageVersion } from '@/db/queries/data-version';
import { eventSlugOf, figureIdOf } from './rules';

/**
 * The version a public page is cached under: an event's page goes by the catalog and its own
 * figures, so a save to one event keeps every other event's page, and a figure's page by its
 * event's; any other page (the event list shows every event, a source's page figures of any
 * event) goes by every write.
 */
export function publicPageVersion(db: Db, pathname: string): PageVersion {
  const slug = eventSlugOf(pathname);
  if (slug !== null) return readEventPageVersion(db, slug);
  const figure = figureIdOf(pathname);
  return figure === null ? readDataPageVersion(db) : readFigurePageVersion(db, figure);
}
