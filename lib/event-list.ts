import 'server-only';
import { getDb } from '@/db/index';
import { readDataVersion } from '@/db/queries/data-version';
import { listEventsWithHeadlineDeaths, type EventWithHeadlineDeaths } from '@/db/queries/events';
import { VersionedCache } from './versioned-cache';

const cache = new VersionedCache<EventWithHeadlineDeaths[]>(1);

/** The events for the home page, with their headline deaths, computed once per data version. */
export function loadEventList(): EventWithHeadlineDeaths[] {
  const db = getDb();
  return cache.get('events', readDataVersion(db).version, () => listEventsWithHeadlineDeaths(db));
}
