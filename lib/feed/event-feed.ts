/**
 * An event's feed, and the site's: every figure entered, changed, retracted or restored, newest
 * first, for readers who follow an event's numbers in a feed reader. Worded as the figure's public
 * page words its history: what kind of change, never which editor or file made it
 * (lib/public-history.ts), and a source only while the site names it (some figure cites it).
 */
import type { EventFigureChange } from '@/db/queries/event-feed';
import { diffSnapshots, snapshotOf } from '@/lib/audit-diff';
import { SITE_NAME } from '@/lib/page-citation';
import { publicEntryTitle, wordableOf } from '@/lib/public-history';
import { describeScope, formatDate, formatFigureWithUnit } from '@/lib/wording';
import type { AtomEntry, AtomFeed } from './atom';
import { confirmedWarningWords } from '@/lib/plausibility';

/** How many changes a feed carries. */
export const EVENT_FEED_ENTRIES = 50;

const TITLE_VERBS: Record<EventFigureChange['action'], string> = { create: 'New report', update: 'Changed', retract: 'Retracted', restore: 'Restored', remove: 'Removed' };
const NUMBER_FIELDS = ['qualifier', 'valueLow', 'valueBest', 'valueHigh', 'unit'] as const;
// What a correction's list of changed fields leaves out: said by the entry's other sentences, or bookkeeping.
const UNLISTED = new Set(['eventId', 'status', 'retractionReason']);

const text = (v: unknown) => (typeof v === 'string' ? v : '');
/** A snapshot's number as the site words it, or null when the snapshot holds none (a trail written by hand). */
const numberOf = (s: Record<string, unknown> | null) => (s && typeof s.qualifier === 'string' ? formatFigureWithUnit(wordableOf(s)) : null);

/**
 * Feed ids (RFC 4287 4.2.6) that stay the same when an event's slug changes: `tag:` URIs (RFC
 * 4151) of the site's host name, so the same under every address only with SITE_URL set.
 */
const feedTag = (base: string, name: string) => `tag:${new URL(base).hostname},2026:${name}`;

/** Who reported what a change left, and when. */
function reportedSentence(change: EventFigureChange, after: Record<string, unknown>): string | null {
  const on = after.reportedOn ? ` on ${formatDate(text(after.reportedOn))}` : '';
  if (!change.cites) return on ? `Reported${on}.` : null;
  const source = change.reportingBody ? `${change.reportingBody}${change.publisher ? `, as published by ${change.publisher},` : ''}` : 'A source no longer cited on this site';
  return `${source} reported it${on}.`;
}

/**
 * One change as a feed entry: what the figure said after it, who reported that and when, and what
 * changed and why. `withEvent`: the title names the figure's event too (the site's feed).
 */
export function feedEntry(change: EventFigureChange, base: string, withEvent = false): AtomEntry {
  const after = snapshotOf(change.after) ?? {};
  const before = snapshotOf(change.before);
  const number = numberOf(after);
  const scope = after.location === undefined ? '' : ` (${describeScope(text(after.group) || 'all', text(after.location))})`;
  const sentences = [reportedSentence(change, after), `${publicEntryTitle(change)} on ${formatDate(change.at.slice(0, 10))}.`];
  if (change.action === 'update' && before) {
    if (typeof before.eventId === 'number' && typeof after.eventId === 'number' && before.eventId !== after.eventId) sentences.push('Moved from another event.');
    const fields = diffSnapshots(before, after).filter((c) => !UNLISTED.has(c.field));
    if (fields.length) sentences.push(`What changed: ${fields.map((c) => c.label.toLowerCase()).join(', ')}.`);
    const was = numberOf(before);
    if (was && NUMBER_FIELDS.some((k) => before[k] !== after[k])) sentences.push(`Before the change: ${was}.`);
  }
  if (change.action === 'retract') sentences.push(`Reason: ${text(after.retractionReason) || change.reason || 'none given'}.`);
  else if (change.reason) sentences.push(`Reason given: ${change.reason}.`);
  if (change.confirmedWarning) {
    const { lead, rest } = confirmedWarningWords(change.confirmedWarning);
    sentences.push(`${lead} ${rest}`);
  }
  return {
    id: feedTag(base, `figure-change-${change.id}`),
    title: `${TITLE_VERBS[change.action]}: ${change.metricLabel ?? 'A figure'}${scope}${withEvent && change.eventName ? `, ${change.eventName}` : ''}${number ? `: ${number}` : ''}`,
    link: `${base}/figures/${change.figureId}`,
    updated: change.at,
    summary: sentences.filter(Boolean).join(' '),
  };
}

const subtitle = (scope: string) =>
  `The latest ${EVENT_FEED_ENTRIES} changes to figures of ${scope} on ${SITE_NAME} (each entered, changed, retracted or restored), newest first; each links to the figure's page, which cites its source.`;

/** The event's feed, from its newest changes (newest first) and the site's address. */
export function eventFeed(event: { id: number; slug: string; name: string; updatedAt: string }, changes: EventFigureChange[], base: string): AtomFeed {
  const page = `${base}/events/${event.slug}`;
  return {
    id: feedTag(base, `event-${event.id}`),
    title: `${event.name}: new and changed figures`,
    subtitle: subtitle(`the event “${event.name}”`),
    self: `${page}/feed.xml`,
    alternate: page,
    updated: changes[0]?.at ?? event.updatedAt,
    author: SITE_NAME,
    entries: changes.map((c) => feedEntry(c, base)),
  };
}

/** The site's feed: the newest changes to every event's figures; dated by the newest, else by `quietSince` (the route gives the time of the request). */
export function siteFeed(changes: EventFigureChange[], base: string, quietSince: string): AtomFeed {
  return {
    id: feedTag(base, 'site'),
    title: `${SITE_NAME}: new and changed figures`,
    subtitle: subtitle('every event'),
    self: `${base}/feed.xml`,
    alternate: `${base}/`,
    updated: changes[0]?.at ?? quietSince,
    author: SITE_NAME,
    entries: changes.map((c) => feedEntry(c, base, true)),
  };
}
