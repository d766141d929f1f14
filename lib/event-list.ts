import 'server-only';
import { getDb } from '@/db/index';
import { readDataVersion } from '@/db/queries/data-version';
import { listEvents, listFiguresByIds, listMetricSeries } from '@/db/queries/events';
import type { Event, Figure } from '@/db/schema';
import { pickPrimary } from './dashboard';
import { VersionedCache } from './versioned-cache';

export type EventWithHeadlineDeaths = Event & { deaths: Figure | null };

const cache = new VersionedCache<EventWithHeadlineDeaths[]>(1);

/** The events for the home page, each with its headline deaths, computed once per data version. */
export function loadEventList(): EventWithHeadlineDeaths[] {
  const db = getDb();
  return cache.get('events', readDataVersion(db).version, () => {
    const events = listEvents(db);
    const series = listMetricSeries(db, 'deaths');
    // The same rule as the event page's primary card (pickPrimary), so the two always agree.
    const chosen = new Map(
      events.map((e) => {
        const candidates = series.filter((s) => s.eventId === e.id).map((s) => ({ ...s, hasHeadline: s.headlineId !== null }));
        return [e.id, pickPrimary(candidates, e.country)?.headlineId ?? null];
      }),
    );
    const figures = new Map(listFiguresByIds(db, [...chosen.values()].filter((id): id is number => id !== null)).map((f) => [f.id, f]));
    return events.map((e) => ({ ...e, deaths: figures.get(chosen.get(e.id) ?? -1) ?? null }));
  });
}
