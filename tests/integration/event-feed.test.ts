import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/(public)/events/[slug]/feed.xml/route';
import { GET as getSiteFeed } from '@/app/(public)/feed.xml/route';
import { closeDb, type Db } from '@/db/index';
import { createEvent, findEventById, updateEvent } from '@/db/queries/catalog-admin';
import { findFigure } from '@/db/queries/figure-admin';
import { createFigure, retractFigure, updateFigure } from '@/db/queries/figure-writes';
import { EVENT_FEED_ENTRIES } from '@/lib/feed/event-feed';
import type { FigureFormInput } from '@/lib/validation/figure-form';
import { createSeededTestDb } from '../helpers/db';
import { restoreEnv } from '../helpers/env';
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

const feed = async (slug = SLUG) => GET(new Request(`http://localhost/events/${slug}/feed.xml`), { params: Promise.resolve({ slug }) });
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
    const ids = entries(xml).map((e) => Number(/#change-(\d+)<\/id>/.exec(e)![1]));
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
    const res = await getSiteFeed();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).toContain('<id>http://dashboard.example.org/feed.xml</id>');
    const [newest, ...rest] = entries(xml);
    expect(newest).toMatch(/<title>New report: [^<(]+ \([^<)]*Testtown\), Another crisis: 12 people<\/title>/);
    // The changes made to the seeded event above follow, named by it.
    expect(rest[0]).toContain(', January 2022 unrest in Kazakhstan: ');
    const all = db.$client.prepare("SELECT count(*) FROM audit_entries WHERE entity_type = 'figure'").pluck().get() as number;
    expect(entries(xml)).toHaveLength(Math.min(all, EVENT_FEED_ENTRIES));
    expect(xml).not.toContain('editor@example.org');
  });
});
