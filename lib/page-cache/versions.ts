import type { Db } from '@/db/index';
import { readDataPageVersion, readEventPageVersion, type PageVersion } from '@/db/queries/data-version';
import { eventSlugOf } from './rules';

/**
 * The version a public page is cached under: an event's page goes by the catalog and its own
 * figures, so a save to one event keeps every other event's page. Any other page goes by every
 * write: the event list shows every event, a source's page figures of any event, and a figure's
 * page names the sources its history mentions only while some figure, of any event, cites them.
 */
export function publicPageVersion(db: Db, pathname: string): PageVersion {
  const slug = eventSlugOf(pathname);
  return slug === null ? readDataPageVersion(db) : readEventPageVersion(db, slug);
}
