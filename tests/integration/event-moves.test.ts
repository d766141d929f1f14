import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/index';
import { createEvent, findEventById, nextVersionAt, updateEvent } from '@/db/queries/catalog-admin';
import { currentEventSlug } from '@/db/queries/event-moves';
import { pageExists } from '@/lib/missing-page';
import { createSeededTestDb } from '../helpers/db';

let db: Db;
let cleanup: () => void;
beforeAll(() => {
  ({ db, cleanup } = createSeededTestDb());
});
afterAll(() => cleanup());

const actor = { userId: null, label: 'test' };
const rename = (id: number, slug: string) => {
  const e = findEventById(db, id)!;
  expect(updateEvent(db, id, e.updatedAt, { slug, name: e.name, country: e.country, startDate: e.startDate, endDate: e.endDate ?? undefined, description: e.description }, actor).status).toBe('saved');
};

describe('where an event page now is (currentEventSlug)', () => {
  it('follows every slug an event had, through several changes, to the one it has now', () => {
    const { id } = createEvent(db, { slug: 'first-name', name: 'Moving', country: 'X', startDate: '2021-01-01', description: '' }, actor);
    rename(id, 'second-name');
    rename(id, 'third-name');
    expect(currentEventSlug(db, 'first-name')).toBe('third-name');
    expect(currentEventSlug(db, 'second-name')).toBe('third-name');
    expect(currentEventSlug(db, 'FIRST-Name')).toBe('third-name');
    // The page the server lets through to Next, which redirects; one no event had stays missing.
    expect(pageExists(db, { kind: 'event', key: 'first-name' })).toBe(true);
    expect(pageExists(db, { kind: 'event', key: 'never-a-name' })).toBe(false);
  });

  it('reads a slug in capitals as the slug, and knows nothing of a slug no event had', () => {
    expect(currentEventSlug(db, 'KAZAKHSTAN-2022-UNREST')).toBe('kazakhstan-2022-unrest');
    expect(currentEventSlug(db, 'never-a-name')).toBeNull();
    // The current slug itself needs no redirect.
    expect(currentEventSlug(db, 'kazakhstan-2022-unrest')).toBeNull();
  });

  it('a slug given back to the event that had it first needs no redirect', () => {
    const { id } = createEvent(db, { slug: 'back-and-forth', name: 'Back', country: 'X', startDate: '2021-01-01', description: '' }, actor);
    rename(id, 'away');
    rename(id, 'back-and-forth');
    expect(currentEventSlug(db, 'back-and-forth')).toBeNull();
    expect(currentEventSlug(db, 'away')).toBe('back-and-forth');
  });
});

describe('a slug an event had', () => {
  it('is not given to another event, new or renamed, so an old address never leads elsewhere; the event itself may take it back', () => {
    const { id } = createEvent(db, { slug: 'held-before', name: 'Holder', country: 'X', startDate: '2021-01-01', description: '' }, actor);
    rename(id, 'held-now');
    const message = 'This slug was another event\'s address until it was changed to “held-now”, and links to it lead there; choose another.';
    expect(() => createEvent(db, { slug: 'held-before', name: 'Newcomer', country: 'X', startDate: '2021-01-01', description: '' }, actor)).toThrow(message);
    const other = createEvent(db, { slug: 'other-event', name: 'Other', country: 'X', startDate: '2021-01-01', description: '' }, actor);
    expect(() => rename(other.id, 'held-before')).toThrow(message);
    expect(findEventById(db, other.id)!.slug).toBe('other-event');
    rename(id, 'held-before');
    expect(findEventById(db, id)!.slug).toBe('held-before');
  });
});

describe('the version a saved event or source is stamped with (nextVersionAt)', () => {
  it('is now, or a millisecond after the last one when the clock has not moved past it', () => {
    const at = Date.parse('2026-11-27T10:00:00.000Z');
    expect(nextVersionAt('2026-11-27T09:00:00.000Z', at)).toBe('2026-11-27T10:00:00.000Z');
    expect(nextVersionAt('2026-11-27T10:00:00.000Z', at)).toBe('2026-11-27T10:00:00.001Z');
    expect(nextVersionAt('2026-11-27T11:00:00.000Z', at)).toBe('2026-11-27T11:00:00.001Z');
    // A time written outside the app in another format is replaced by now.
    expect(nextVersionAt('yesterday', at)).toBe('2026-11-27T10:00:00.000Z');
  });

  it('so two saves within one millisecond are two versions, and a form opened at the first is refused at the second', () => {
    const { id } = createEvent(db, { slug: 'same-millisecond', name: 'Fast', country: 'X', startDate: '2021-01-01', description: '' }, actor);
    const frozen = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(frozen);
    try {
      const e = findEventById(db, id)!;
      const input = { slug: e.slug, name: e.name, country: e.country, startDate: e.startDate, description: '' };
      const first = updateEvent(db, id, e.updatedAt, { ...input, description: 'first' }, actor);
      expect(first.status).toBe('saved');
      const opened = findEventById(db, id)!.updatedAt;
      expect(updateEvent(db, id, opened, { ...input, description: 'second' }, actor).status).toBe('saved');
      expect(findEventById(db, id)!.updatedAt).not.toBe(opened);
      expect(updateEvent(db, id, opened, { ...input, description: 'third, from the form opened at the first' }, actor)).toMatchObject({ status: 'stale', then: { description: 'first' } });
    } finally {
      clock.mockRestore();
    }
  });
});
