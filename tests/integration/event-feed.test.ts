import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/(public)/events/[slug]/feed.xml/route';
import { GET as getSiteFeed } from '@/app/(public)/feed.xml/route';
import { closeDb, type Db } from '@/db/index';
import { createEvent, findEventById, updateEvent } from '@/db/queries/catalog-admin';
import { findFigure } from '@/db/queries/figure-admin';
import { createFigure, retractFigure, updateFigure } from '@/db/queries/figure-writes';
import { latestEventFigureChanges, latestFigureChanges } from '@/db/queries/event-feed';
import { EVENT_FEED_ENTRIES } from '@/lib/feed/event-feed';
import type { FigureFormInput } from '@/lib/validation/figure-form';
import { createSeededTestDb } from '../helpers/db';
import { restoreEnv } from '../helpers/env';
import { recordStatements } from '../helpers/statements';
import { requestHeaders } from '../helpers/next-headers';

vi.mock('next/headers', () => import('../helpers/next-headers'));

const SLUG = 'kazakhstan-2022-unrest';
const original = process.env.DATABASE_PATH;
const editor = { userId: null, label: 'editor@example.org' };
let db: Db;
let cleanup: () => void;
beforeAll(() => {
  let file: string;
  ({ db, file, cleanup } = createSeededTestDb());
  process.env.DATABASE_PATH = file;
  requestHeaders.set('host', 'dashboard.example.org');
});
afterAll(() => {
  closeDb();
  restoreEnv('DATABASE_PATH', original);
  requestHeaders.clear();
  cleanup();
});

const feed = async (slug = SLUG, headers: Record<string, string> = {}) => GET(new Request(`http://localhost/events/${slug}/feed.xml`, { headers }), { params: Promise.resolve({ slug }) });
const entries = (xml: string) => [...xml.matchAll(/<entry>(.*?)<\/entry>/g)].map((m) => m[1]!);

/** A figure's form input as it is stored, with `change` applied. */
function inputOf(id: number, change: Partial<FigureFormInput>): FigureFormInput {
  const f = findFigure(db, id)!;
  return {
    eventId: f.eventId, metricId: f.metricId, group: f.group, location: f.location, qualifier: f.qualifier, valueLow: f.valueLow, valueBest: f.valueBest,
    valueHigh: f.valueHigh, unit: f.unit, reportedOn: f.reportedOn, quote: f.quote ?? '', note: f.note, source: { kind: 'existing', id: f.sourceId }, ...change,
  };
}

describe('GET /events/SLUG/feed.xml', () => {
  it('is an Atom feed of the event’s figures as entered, newest first, with the site’s address', async () => {
    const res = await feed();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="http://dashboard.example.org/events/kazakhstan-2022-unrest/feed.xml"/>');
    const seeded = db.$client.prepare("SELECT count(*) FROM audit_entries a JOIN figures f ON f.id = a.entity_id WHERE a.entity_type = 'figure' AND f.event_id = 1").pluck().get() as number;
    expect(entries(xml)).toHaveLength(Math.min(seeded, EVENT_FEED_ENTRIES));
    expect(entries(xml).every((e) => e.includes('<title>New report: ') && e.includes("with the site&#x27;s dataset"))).toBe(true);
    const ids = entries(xml).map((e) => Number(/figure-change-(\d+)<\/id>/.exec(e)![1]));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('puts a correction and a retraction first, with the reason, and never names the editor', async () => {
    const [a, b] = db.$client.prepare("SELECT id FROM figures WHERE event_id = 1 AND status = 'published' ORDER BY id LIMIT 2").pluck().all() as number[];
    const before = findFigure(db, a!)!;
    expect(updateFigure(db, a!, before.revision, inputOf(a!, { valueBest: (before.valueBest ?? 0) + 5 }), editor, 'the ministry revised its count').status).toBe('saved');
    expect(retractFigure(db, b!, findFigure(db, b!)!.revision, 'a duplicate of another report', editor).status).toBe('saved');
    const xml = await (await feed()).text();
    const [first, second] = entries(xml);
    expect(first).toMatch(/<title>Retracted: /);
    expect(first).toContain('Reason: a duplicate of another report.');
    expect(first).toContain(`<link rel="alternate" type="text/html" href="http://dashboard.example.org/figures/${b}"/>`);
    expect(second).toMatch(/<title>Changed: /);
    expect(second).toContain('Reason given: the ministry revised its count.');
    expect(second).toContain(`Before the change: `);
    expect(xml).not.toContain('editor@example.org');
  });

  it('answers 404 for an unknown event, and leads from an event’s old address to its feed now', async () => {
    const missing = await feed('no-such-event');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('There is no event at /events/no-such-event.\n');
    const e = findEventById(db, 1)!;
    expect(updateEvent(db, 1, e.updatedAt, { slug: 'kz-2022', name: e.name, country: e.country, startDate: e.startDate, endDate: e.endDate ?? undefined, description: e.description }, editor).status).toBe('saved');
    const moved = await feed(SLUG);
    expect(moved.status).toBe(307);
    expect(moved.headers.get('location')).toBe('http://dashboard.example.org/events/kz-2022/feed.xml');
  });
});

describe('GET /feed.xml', () => {
  it('gives the newest changes of every event, each naming its event', async () => {
    const other = createEvent(db, { slug: 'feed-other', name: 'Another crisis', country: 'Testland', startDate: '2023-01-01', description: '' }, editor);
    const id = db.$client.prepare('SELECT id FROM figures ORDER BY id LIMIT 1').pluck().get() as number;
    createFigure(db, { ...inputOf(id, {}), eventId: other.id, location: 'Testtown', valueBest: 12 }, editor);
    const res = await getSiteFeed(new Request('http://localhost/feed.xml'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).toContain('<id>tag:dashboard.example.org,2026:site</id>');
    const [newest, ...rest] = entries(xml);
    expect(newest).toMatch(/<title>New report: [^<(]+ \([^<)]*Testtown\), Another crisis: 12 people<\/title>/);
    // The changes made to the seeded event above follow, named by it.
    expect(rest[0]).toContain(', January 2022 unrest in Kazakhstan: ');
    const all = db.$client.prepare("SELECT count(*) FROM audit_entries WHERE entity_type = 'figure'").pluck().get() as number;
    expect(entries(xml)).toHaveLength(Math.min(all, EVENT_FEED_ENTRIES));
    expect(xml).not.toContain('editor@example.org');
  });
});

describe('what the feeds name, and what they cost', () => {
  it('never names a source the site no longer names (no figure cites it)', async () => {
    const id = db.$client.prepare("SELECT id FROM figures WHERE event_id = 1 AND status = 'published' ORDER BY id DESC LIMIT 1").pluck().get() as number;
    const slug = (db.$client.prepare('SELECT slug FROM events WHERE id = 1').pluck().get() as string);
    const secret = 'Confidential informant Jane Doe';
    const made = createFigure(db, { ...inputOf(id, {}), location: 'Secret place', source: { kind: 'new', source: { reportingBody: secret, publisher: '', title: '', url: '', publishedOn: '2022-01-11', fullText: '' } } }, editor);
    expect(await (await feed(slug)).text()).toContain(secret);
    const f = findFigure(db, made.id)!;
    expect(updateFigure(db, made.id, f.revision, inputOf(made.id, { source: { kind: 'existing', id: 1 } }), editor).status).toBe('saved');
    const xml = await (await feed(slug)).text();
    expect(xml).not.toContain(secret);
    expect(xml).toContain('A source no longer cited on this site reported it');
    expect(await (await getSiteFeed(new Request('http://localhost/feed.xml'))).text()).not.toContain(secret);
  });

  it('answers a poll with the ETag it gave 304 and no body, until something is written', async () => {
    const slug = (db.$client.prepare('SELECT slug FROM events WHERE id = 1').pluck().get() as string);
    const first = await feed(slug);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{8}"$/);
    const again = await feed(slug, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const site = await getSiteFeed(new Request('http://localhost/feed.xml'));
    expect((await getSiteFeed(new Request('http://localhost/feed.xml', { headers: { 'if-none-match': `W/${site.headers.get('etag')}` } }))).status).toBe(304);
    // A write: the same ETag gets the feed again, with a new one.
    const id = db.$client.prepare('SELECT id FROM figures WHERE event_id = 1 ORDER BY id LIMIT 1').pluck().get() as number;
    const f = findFigure(db, id)!;
    expect(updateFigure(db, id, f.revision, inputOf(id, { note: `polled ${Date.now()}` }), editor).status).toBe('saved');
    const after = await feed(slug, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('reads an event’s changes through its own figures, and the site’s from the newest entry, whatever the statistics say', () => {
    // Statistics as a database may hold them: a trail recorded as tiny, which once led SQLite to scan it whole.
    db.$client.exec("ANALYZE; INSERT OR REPLACE INTO sqlite_stat1 (tbl, idx, stat) VALUES ('audit_entries', NULL, '7'), ('audit_entries', 'audit_entity_idx', '7 7 1 1'); ANALYZE sqlite_schema;");
    const { statements, stop } = recordStatements(db.$client);
    try {
      latestEventFigureChanges(db, 1, 50);
      latestFigureChanges(db, 50);
    } finally {
      stop();
    }
    const plans = statements.filter((s) => /ORDER BY id DESC LIMIT/.test(s)).map((s) =>
      (db.$client.prepare(`EXPLAIN QUERY PLAN ${s}`).all(...Array((s.match(/\?/g) ?? []).length).fill(1)) as Array<{ detail: string }>).map((r) => r.detail).join(' | '),
    );
    // The event's: each of its figures' entries by the entity index; never a scan of the trail, nor a Bloom filter built over it.
    expect(plans[0]).toMatch(/^SEARCH audit_entries USING (COVERING )?INDEX audit_entity_idx \(entity_type=\? AND entity_id=\?\) \| LIST SUBQUERY 1 \| SEARCH figures USING (COVERING )?INDEX \w+ \(event_id=\?\)( \| CREATE BLOOM FILTER)? \| USE TEMP B-TREE FOR ORDER BY$/);
    // The site's: the trail from its newest entry, by its primary key, with no sort.
    expect(plans[1]).toMatch(/^SCAN audit_entries( USING INTEGER PRIMARY KEY)?$/);
    expect(plans).toHaveLength(2);
    // (A Bloom filter of the event's own figure ids is cheap; one built over the trail is not.)
    for (const plan of plans) expect(plan).not.toMatch(/BLOOM FILTER ON|SCAN figures/);
  });
});
