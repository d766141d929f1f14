/**
 * An event's feed, and the site's: every figure entered, changed, retracted or restored, newest first, for readers
 * who follow an event's numbers in a feed reader. Worded as the figure's public page words its
 * history: what kind of change, never which editor or file made it (lib/public-history.ts).
 */
import type { EventFigureChange } from '@/db/queries/event-feed';
import { snapshotOf } from '@/lib/audit-diff';
import { SITE_NAME } from '@/lib/page-citation';
import { publicEntryTitle, wordableOf } from '@/lib/public-history';
import { describeScope, formatDate, formatFigureWithUnit } from '@/lib/wording';
import type { AtomEntry, AtomFeed } from './atom';

/** How many changes the feed carries. */
export const EVENT_FEED_ENTRIES = 50;

const TITLE_VERBS: Record<EventFigureChange['action'], string> = { create: 'New report', update: 'Changed', retract: 'Retracted', restore: 'Restored', remove: 'Removed' };
const NUMBER_FIELDS = ['qualifier', 'valueLow', 'valueBest', 'valueHigh', 'unit'] as const;

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * One change as a feed entry: what the figure said after it, who reported that and when, and why
 * it changed. `withEvent`: the title names the figure's event too (the site's feed).
 */
export function feedEntry(change: EventFigureChange, base: string, withEvent = false): AtomEntry {
  const after = snapshotOf(change.after) ?? {};
  const before = snapshotOf(change.before);
  const number = formatFigureWithUnit(wordableOf(after));
  const scope = describeScope(text(after.group) || 'all', text(after.location));
  const source = change.reportingBody ? `${change.reportingBody}${change.publisher ? `, as published by ${change.publisher},` : ''}` : 'Its source';
  const sentences = [`${source} reported it on ${after.reportedOn ? formatDate(text(after.reportedOn)) : 'an unknown date'}.`];
  sentences.push(`${publicEntryTitle(change)} on ${formatDate(change.at.slice(0, 10))}.`);
  if (change.action === 'update' && before && NUMBER_FIELDS.some((k) => before[k] !== after[k])) {
    sentences.push(`Before the change: ${formatFigureWithUnit(wordableOf(before))}.`);
  }
  if (change.action === 'retract') sentences.push(`Reason: ${text(after.retractionReason) || change.reason || 'none given'}.`);
  else if (change.reason) sentences.push(`Reason given: ${change.reason}.`);
  return {
    id: `${base}/figures/${change.figureId}#change-${change.id}`,
    title: `${TITLE_VERBS[change.action]}: ${change.metricLabel ?? 'A figure'} (${scope})${withEvent && change.eventName ? `, ${change.eventName}` : ''}: ${number}`,
    link: `${base}/figures/${change.figureId}`,
    updated: change.at,
    summary: sentences.join(' '),
  };
}

/** The event's feed, from its newest changes (newest first) and the site's address. */
export function eventFeed(event: { slug: string; name: string; updatedAt: string }, changes: EventFigureChange[], base: string): AtomFeed {
  const page = `${base}/events/${event.slug}`;
  return {
    id: `${page}/feed.xml`,
    title: `${event.name}: new and changed figures`,
    subtitle: `The latest ${EVENT_FEED_ENTRIES} figures entered, changed, retracted or restored for ${event.name} on ${SITE_NAME}, newest first; each links to the figure's page and its source.`,
    self: `${page}/feed.xml`,
    alternate: page,
    updated: changes[0]?.at ?? event.updatedAt,
    author: SITE_NAME,
    entries: changes.map((c) => feedEntry(c, base)),
  };
}

/** The site's feed: the newest changes to every event's figures; dated by the newest, else by `quietSince`. */
export function siteFeed(changes: EventFigureChange[], base: string, quietSince: string): AtomFeed {
  return {
    id: `${base}/feed.xml`,
    title: `${SITE_NAME}: new and changed figures`,
    subtitle: `The latest ${EVENT_FEED_ENTRIES} figures entered, changed, retracted or restored for any event on ${SITE_NAME}, newest first; each links to the figure's page and its source.`,
    self: `${base}/feed.xml`,
    alternate: `${base}/`,
    updated: changes[0]?.at ?? quietSince,
    author: SITE_NAME,
    entries: changes.map((c) => feedEntry(c, base, true)),
  };
}
