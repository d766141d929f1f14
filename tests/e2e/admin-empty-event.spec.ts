import type { Db } from '@/db/index';
import { createEvent } from '@/db/queries/catalog-admin';
import { retractFigure } from '@/db/queries/figure-writes';
import { e2eDb, seedTestFigure } from './admin-support';
import AxeBuilder from './axe';
import { expect, test } from './fixtures';

let db: Db;
test.beforeAll(() => {
  db = e2eDb();
});
test.afterAll(() => db.$client.close());

/** An event an editor has just created has no figures yet: its page says so, and nothing more than it can show. */
test('an event without figures says so once, offers its feed and its citation, and draws no empty section, table or chart', async ({ page }) => {
  const stamp = String(Date.now());
  createEvent(db, { slug: `empty-event-${stamp}`, name: `Empty event ${stamp}`, country: 'Nowhere', startDate: '2024-05-01', description: 'Nothing reported yet.' }, { userId: null, label: 'e2e setup' });
  await page.goto(`/events/empty-event-${stamp}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Empty event ${stamp}`);
  await expect(page.locator('main')).toContainText('No figures have been reported for this event yet. Follow new and changed figures (Atom feed) to hear of the first.');
  await expect(page.getByRole('link', { name: 'Follow new and changed figures (Atom feed)' })).toHaveAttribute('href', `/events/empty-event-${stamp}/feed.xml`);
  // Only the citation below it: no list of sections, no empty headline, report or source section.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Cite this page']);
  await expect(page.getByRole('navigation', { name: 'On this page' })).toHaveCount(0);
  await expect(page.locator('main table, main canvas')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Cite this page' })).toContainText(`“Empty event ${stamp}.” Casualty and damage statistics.`);
  expect((await new AxeBuilder(page).analyze()).violations.map((v) => v.id)).toEqual([]);
  // A link's choices (a chart, a page of reports) open the same page: nothing to choose yet.
  await page.goto(`/events/empty-event-${stamp}?reports_page=3&compare=deaths`);
  await expect(page.locator('main')).toContainText('No figures have been reported for this event yet.');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Cite this page']);
});

test('a metric whose every report was retracted says so under its heading, instead of showing nothing', async ({ page }) => {
  const stamp = String(Date.now());
  const event = createEvent(db, { slug: `retracted-event-${stamp}`, name: `Retracted event ${stamp}`, country: 'Nowhere', startDate: '2024-05-01', description: '' }, { userId: null, label: 'e2e setup' });
  const id = seedTestFigure(db, 'Nowhere', 12, { eventId: event.id });
  retractFigure(db, id, 1, 'entered for the wrong event', { userId: null, label: 'e2e setup' });
  await page.goto(`/events/retracted-event-${stamp}`);
  const headlines = page.getByRole('region', { name: 'Headline figures' });
  await expect(headlines.getByRole('region', { name: 'Deaths' })).toContainText('Every report of deaths for this event has been retracted: see All reports.');
  await expect(page.getByRole('region', { name: /All reports/ })).toContainText('entered for the wrong event');
});
