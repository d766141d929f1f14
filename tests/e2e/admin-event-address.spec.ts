import type { Db } from '@/db/index';
import { createEvent } from '@/db/queries/catalog-admin';
import { e2eDb, newEditor, signIn } from './admin-support';
import { expect, test } from './fixtures';

let db: Db;
let editor: { email: string; password: string };
test.beforeAll(async () => {
  db = e2eDb();
  editor = await newEditor(db, 'event-address');
});
test.afterAll(() => db.$client.close());

/**
 * An event's slug is its page's address, which readers cite. An editor may change it; the old
 * address (and the same one in capitals) then leads to the page as it is now, with its choices,
 * and the API names the new slug.
 */
test('an event renamed in the admin keeps its old address working: it leads to the new one, choices kept', async ({ page, request }) => {
  const stamp = String(Date.now());
  const old = `moving-event-${stamp}`;
  const event = createEvent(db, { slug: old, name: `Moving event ${stamp}`, country: 'Nowhere', startDate: '2021-03-01', description: '' }, { userId: null, label: 'e2e setup' });
  await signIn(page, editor);
  await page.goto(`/admin/events/${event.id}`);
  await expect(page.getByText('Changing it moves the page; the old address then leads to the new one.')).toBeVisible();
  await page.getByLabel('Slug', { exact: true }).fill(`moved-event-${stamp}`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Event saved.' })).toBeVisible();

  const res = await request.get(`/events/${old}?compareView=table`, { maxRedirects: 0 });
  // Temporarily (307): a slug may be changed back, and a browser keeps a permanent redirect.
  expect(res.status()).toBe(307);
  expect(res.headers().location).toBe(`/events/moved-event-${stamp}?compareView=table`);
  // Its body, for a client that does not follow it, is not titled as if the event were not found.
  const body = await res.text();
  expect(body).toContain('<title>Event moved');
  expect(body).not.toContain('<title>Event not found');
  await page.goto(`/events/${old.toUpperCase()}`);
  await expect(page).toHaveURL(new RegExp(`/events/moved-event-${stamp}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Moving event ${stamp}`);

  const api = await request.get(`/api/figures?event=${old}`);
  expect(api.status()).toBe(404);
  expect(JSON.stringify(await api.json())).toContain(`the event's slug is now \\"moved-event-${stamp}\\"`);
  // An address no event ever had is still not found.
  expect((await request.get(`/events/never-${stamp}`, { maxRedirects: 0 })).status()).toBe(404);
});
