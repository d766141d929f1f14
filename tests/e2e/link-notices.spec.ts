import { EventPage } from './event-page';
import { expect, test } from './fixtures';

const KZ = 'kazakhstan-2022-unrest';

test('a link asking for a metric the event does not have says so, without JavaScript, and shows the default', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const event = new EventPage(await context.newPage());
  const res = await event.goto(KZ, '?breakdown=nosuchmetric');
  expect(res?.status()).toBe(200);
  const charts = event.page.getByRole('region', { name: 'Charts' });
  await expect(charts.getByRole('note')).toHaveText(
    'This link asked for the breakdown of the metric "nosuchmetric", which this event does not have; it shows Deaths instead.',
  );
  await expect(event.panel('Deaths by group and place')).toBeVisible();
  await context.close();
});

test('each bad or repeated chart parameter gets its own sentence; the page keeps working', async ({ page }) => {
  const event = new EventPage(page);
  await event.goto(KZ, '?compare=XYZ&timeline_view=pie&breakdown=injured&breakdown=deaths');
  const notice = page.getByRole('region', { name: 'Charts' }).getByRole('note');
  await expect(notice.locator('p')).toHaveText([
    'This link asked for the headline figures in "XYZ", a unit this event has no figures in; they are shown in people instead.',
    'This link gave breakdown twice; only the first, "injured", is read.',
    'This link asked to show the timeline as "pie", which is neither chart nor table; it is shown as it is by default.',
  ]);
  await expect(event.panel('Injured by group and place')).toBeVisible();
  await expect(event.panel('Headline figures compared, in people')).toBeVisible();
});

test('a page of All reports that does not exist is said near the table', async ({ page }) => {
  const event = new EventPage(page);
  await event.goto(KZ, '?reports_page=abc');
  await expect(page.getByRole('region', { name: /^All reports/ }).getByRole('note')).toHaveText(
    'This link asked for page "abc" of All reports, which is not a page number; the first page is shown.',
  );
  await event.goto(KZ, '?reports_page=9');
  await expect(page.getByRole('region', { name: /^All reports/ }).getByRole('note')).toHaveText(
    'This link asked for page 9 of All reports, which has only one page, which is shown.',
  );
});

test('a link whose parameters are all right carries no notice', async ({ page }) => {
  const event = new EventPage(page);
  await event.goto(KZ, '?breakdown=injured&timeline_view=table');
  await expect(page.getByRole('heading', { level: 2, name: 'Charts' })).toBeVisible();
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect(page.locator('.notice')).toHaveCount(0);
});
