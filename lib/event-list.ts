import 'server-only';
import { getDb, readTransaction } from '@/db/index';
import { readDataVersion } from '@/db/queries/data-version';
import { listEvents, listFiguresByIds } from '@/db/queries/events';
import { listMetricSeriesSummaries } from '@/db/queries/series-summaries';
import type { Event, Figure } from '@/db/schema';
import { pickPrimary, type SeriesCandidate } from './dashboard';
import { VersionedCache } from './versioned-cache';

export type EventWithHeadlineDeaths = Event & { deaths: Figure | null };

const cache = new VersionedCache<EventWithHeadlineDeaths[]>(1);

/** The events for the home page, each with its headline deaths, computed once per data version. */
export function loadEventList(): EventWithHeadlineDeaths[] {
  const db = getDb();
  // One snapshot, the version read first: what is cached under a version is exactly that version.
  return readTransaction(db, () =>
    cache.get('events', readDataVersion(db).version, () => {
      const events = listEvents(db);
      const byEvent = new Map<number, Array<SeriesCandidate & { headlineId: number | null }>>();
      for (const s of listMetricSeriesSummaries(db, 'deaths')) {
        const list = byEvent.get(s.eventId) ?? [];
        list.push({ ...s, hasHeadline: s.headlineId !== null });
        byEvent.set(s.eventId, list);
      }
      // The same rule as the event page's primary card (pickPrimary), so the two always agree.
      const chosen = new Map(events.map((e) => [e.id, pickPrimary(byEvent.get(e.id) ?? [], e.country)?.headlineId ?? null]));
      const figures = new Map(listFiguresByIds(db, [...chosen.values()].filter((id): id is number => id !== null)).map((f) => [f.id, f]));
      return events.map((e) => ({ ...e, deaths: figures.get(chosen.get(e.id) ?? -1) ?? null }));
    }),
  );
}
