import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/index';
import { createEvent, findEventById, updateEvent } from '@/db/queries/catalog-admin';
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
