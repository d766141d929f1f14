import 'server-only';
import { getDb, readTransaction, type Db } from '@/db/index';
import { listFigureChanges, type FigureChange } from '@/db/queries/audit-read';
import { eventsChangedSince, readCatalogVersion, readDataVersion } from '@/db/queries/data-version';
import { listEvents, listFiguresByIds, type FigureSource } from '@/db/queries/events';
import { listMetricSeriesSummaries } from '@/db/queries/series-summaries';
import type { Event, Figure } from '@/db/schema';
import { pickPrimary, type SeriesCandidate } from './dashboard';
import { cachePerDatabase } from './versioned-cache';

/**
 * An event's headline deaths, with the source that reported them (the home page cites it), and,
 * when it was changed here after it was entered, that change (said beside it, as on the event page).
 */
export type HeadlineDeaths = Figure & { source: FigureSource; change?: FigureChange };
export type EventWithHeadlineDeaths = Event & { deaths: HeadlineDeaths | null };

const MAX_EVENTS_READ_BY_ID = 1000;

/** The list as the home page shows it, with what a later version needs to read only what changed. */
type EventList = { events: EventWithHeadlineDeaths[]; catalog: number; deathsByEvent: Map<number, HeadlineDeaths | null> };

const cacheOf = cachePerDatabase<EventList>(1);

/**
 * The events for the home page, each with its headline deaths, computed once per data version.
 * After a write, only the events whose figures changed since the previous version are read again
 * (a million figures hold tens of thousands of death series; a save touches one event's); a change
 * to the catalog (events, metrics, sources) reads them all.
 */
export function loadEventList(): EventWithHeadlineDeaths[] {
  const db = getDb();
  // One snapshot, the version read first: what is cached under a version is exactly that version.
  return readTransaction(db, () => {
    const { version } = readDataVersion(db);
    return cacheOf(db).get('events', version, (previous) => readEventList(db, version, previous)).events;
  });
}

/** The whole list read afresh: what loadEventList must always equal (the tests compare the two). */
export function readWholeEventList(db: Db): EventWithHeadlineDeaths[] {
  return readTransaction(db, () => readEventList(db, readDataVersion(db).version).events);
}

/**
 * The list at `version`; given the list of an earlier version (same catalog), only the events
 * changed since, or new, are read again, and every other event keeps its headline deaths.
 */
function readEventList(db: Db, version: number, previous?: { version: number; value: EventList }): EventList {
  const catalog = readCatalogVersion(db);
  const events = listEvents(db);
  const earlier = previous && previous.value.catalog === catalog && previous.version < version ? previous : undefined;
  const changed = new Set(earlier ? eventsChangedSince(db, earlier.version) : []);
  const changedEvents = earlier ? events.filter((e) => changed.has(e.id) || !earlier.value.deathsByEvent.has(e.id)).map((e) => e.id) : undefined;
  // Each id is a bound value (SQLite allows 32,766 a statement): past a thousand, read them all.
  const toRead = changedEvents && changedEvents.length <= MAX_EVENTS_READ_BY_ID ? changedEvents : undefined;

  const candidates = new Map<number, Array<SeriesCandidate & { headlineId: number | null }>>();
  for (const s of listMetricSeriesSummaries(db, 'deaths', toRead)) {
    const list = candidates.get(s.eventId) ?? [];
    list.push({ ...s, hasHeadline: s.headlineId !== null });
    candidates.set(s.eventId, list);
  }
  const reading = new Set(toRead ?? events.map((e) => e.id));
  const read = events.filter((e) => reading.has(e.id));
  // The same rule as the event page's primary card (pickPrimary), so the two always agree.
  const chosen = new Map(read.map((e) => [e.id, pickPrimary(candidates.get(e.id) ?? [], e.country)?.headlineId ?? null]));
  const figures = new Map<number, HeadlineDeaths>(listFiguresByIds(db, [...chosen.values()].filter((id): id is number => id !== null)).map((f) => [f.id, f]));
  const changes = listFigureChanges(db, [...figures.values()].filter((f) => f.revision > 1));
  for (const [id, change] of changes) figures.set(id, { ...figures.get(id)!, change });
  const deathsByEvent = new Map<number, HeadlineDeaths | null>();
  for (const e of events) {
    deathsByEvent.set(e.id, chosen.has(e.id) ? (figures.get(chosen.get(e.id) ?? -1) ?? null) : (earlier?.value.deathsByEvent.get(e.id) ?? null));
  }
  return { events: events.map((e) => ({ ...e, deaths: deathsByEvent.get(e.id) ?? null })), catalog, deathsByEvent };
}
