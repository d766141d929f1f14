import { openDatabase } from '@/db/index';
import { ensureEvent } from '@/db/queries/catalog';
import { importCsvText } from '@/lib/import/run';
import { EventPage } from './event-page';
import { expect, test } from './fixtures';

const SLUG = 'page-cache-test-event';
const KZ = '/events/kazakhstan-2022-unrest';
const HEADER = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body,publisher';
const actor = { userId: null, label: 'e2e: page cache' };

/** Writes as another process would (an import on the command line): the server sees only the database. */
function write(run: (db: ReturnType<typeof openDatabase>) => void): void {
  const db = openDatabase(process.env.E2E_DATABASE_PATH);
  try {
    run(db);
  } finally {
    db.$client.close();
  }
}

test.beforeAll(() =>
  write((db) => {
    ensureEvent(db, { slug: SLUG, name: 'Page cache test event', country: 'Testland', startDate: '2024-03-01', endDate: null, description: 'A test event.' }, actor);
    expect(importCsvText(db, `${HEADER}\n${SLUG},deaths,all,Testland,exact,,12,,people,2024-03-02,Ministry of Health,Wire`, actor).errors).toEqual([]);
  }),
);

test("a save to one event shows on its page at once, while the other events' pages are still answered from the cache", async ({ page, request }) => {
  const cached = async (path: string) => (await request.get(path)).headers()['x-page-cache'] === 'hit';
  for (const path of [KZ, `/events/${SLUG}`]) {
    await request.get(path);
    expect(await cached(path), path).toBe(true);
  }

  // A later death toll for the test event, from the same source.
  write((db) => expect(importCsvText(db, `${HEADER}\n${SLUG},deaths,all,Testland,exact,,15,,people,2024-03-05,Ministry of Health,Wire`, actor).errors).toEqual([]));

  const event = new EventPage(page);
  const response = await page.goto(`/events/${SLUG}`);
  expect(response?.headers()['x-page-cache']).toBeUndefined();
  await expect(event.card('Deaths', 'Testland').locator('.card-value')).toHaveText('15');
  await expect(page.getByRole('heading', { name: 'All reports (2)' })).toBeVisible();
  // Kazakhstan's page shows nothing of that event: it is still the page rendered before.
  expect(await cached(KZ)).toBe(true);
  // The event list shows every event's headline deaths: the new one at once, Kazakhstan's as it was.
  await page.goto('/');
  await expect(page.getByRole('listitem').filter({ hasText: 'Page cache test event' })).toContainText('Deaths: 15');
  await expect(page.getByRole('listitem').filter({ hasText: 'January 2022 unrest in Kazakhstan' })).toContainText('Deaths: 230');

  // A change to the catalog (here the test event's description) may show on any event's page: all render again.
  write((db) => db.$client.prepare('UPDATE events SET description = ? WHERE slug = ?').run('A test event, described again.', SLUG));
  expect(await cached(KZ)).toBe(false);
  expect(await cached(KZ)).toBe(true);
  await page.goto(`/events/${SLUG}`);
  await expect(page.locator('.lede')).toContainText('A test event, described again.');
});

test("a figure's page and a source's page are answered from the cache until what they show changes", async ({ page, request }) => {
  const cached = async (path: string) => (await request.get(path)).headers()['x-page-cache'] === 'hit';
  const row = (value: number) => `${HEADER}\n${SLUG},injured,all,Testland,exact,,${value},,people,2024-03-10,Ministry of Health,Wire`;
  let figure = 0;
  let source = 0;
  write((db) => {
    expect(importCsvText(db, row(20), actor).errors).toEqual([]);
    ({ id: figure, source_id: source } = db.$client
      .prepare<[], { id: number; source_id: number }>("SELECT id, source_id FROM figures WHERE reported_on = '2024-03-10' AND value_best = 20")
      .get()!);
  });
  const kzFigure = '/figures/1';
  for (const path of [`/figures/${figure}`, `/sources/${source}`, kzFigure]) {
    await request.get(path);
    expect(await cached(path), path).toBe(true);
  }

  // The same report imported again with a corrected number: the figure is updated in place.
  write((db) => expect(importCsvText(db, row(21), actor).errors).toEqual([]));

  const response = await page.goto(`/figures/${figure}`);
  expect(response?.headers()['x-page-cache']).toBeUndefined();
  await expect(page.locator('.source-facts')).toContainText('Number as reported21 people');
  await expect(page.getByRole('region', { name: 'History on this site' })).toContainText('20');
  // The source's page lists figures of every event: it renders again after any write.
  expect(await cached(`/sources/${source}`)).toBe(false);
  await page.goto(`/sources/${source}`);
  await expect(page.locator(`tr[data-figure-id="${figure}"]`)).toContainText('21');
  // Every figure's page goes by every write (its history names a source only while some figure,
  // of any event, cites it): another event's figure is rendered again once, then kept.
  expect(await cached(kzFigure)).toBe(false);
  expect(await cached(kzFigure)).toBe(true);
});
