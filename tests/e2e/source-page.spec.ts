import Papa from 'papaparse';
import { EventPage } from './event-page';
import { expect, test } from './fixtures';
import { expectNotFoundWithoutJavaScript } from './not-found';

const KZ = 'kazakhstan-2022-unrest';
const ADDRESS = 'Kazakh President Kasyym-Jomart Tokayev addressed a session of the Kazakh parliament';

/**
 * The address to parliament has no web address: the site holds its full text, so a reader can
 * check the quotes the event page relies on. Both ways, with and without JavaScript.
 */
for (const javaScriptEnabled of [true, false]) {
  test(`a source's full text is one link from the event page, and leads back (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const event = new EventPage(page);
    await event.goto(KZ);
    // The figures quoted from it say where the quote can be checked.
    const reports = page.getByRole('table', { name: /Every figure reported/ });
    await expect(reports.getByText("Note: quoted from a news report of the address, whose full text this source's page shows")).toHaveCount(5);
    // Only the source whose text the site holds has the link.
    const links = event.sources().getByRole('link', { name: 'Full text of this source' });
    await expect(links).toHaveCount(1);
    await links.click();
    await expect(page).toHaveURL(/\/sources\/\d+#full-text$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ADDRESS);
    await expect(page.locator('.source-facts')).toContainText('President Kassym-Jomart Tokayev (address to parliament)');
    await expect(page.locator('.source-facts')).toContainText('11 January 2022 (who published it is not recorded)');
    await expect(page.locator('.source-facts')).toContainText('No web address');
    // The quote on the event page is in the full text, word for word.
    const text = page.getByRole('region', { name: 'Full text' });
    await expect(text).toContainText('The president said 16 law enforcement officers were killed and more than 1,300 were injured in the incidents.');
    await expect(page.getByRole('region', { name: 'Events it gave figures for' })).toContainText('January 2022 unrest in Kazakhstan: 6 figures');
    // Every figure taken from it, each leading to its own page.
    const taken = page.getByRole('table', { name: 'January 2022 unrest in Kazakhstan' });
    await expect(taken.locator('tbody tr')).toHaveCount(6);
    // In the event page's reading order: metric, then group and place.
    expect(await taken.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).slice(0, 2).map((c) => (c as HTMLElement).innerText).join(' | ')))).toEqual([
      'Deaths | civilians, Kazakhstan',
      'Deaths | law enforcement, Kazakhstan',
      'Injured | law enforcement, Kazakhstan',
      'Businesses affected | Kazakhstan',
      'Vehicles burned | Kazakhstan',
      'Shopping malls and banks looted | Kazakhstan',
    ]);
    await taken.getByRole('link', { name: '16', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deaths, law enforcement, Kazakhstan: 16 people');
    await page.goBack();
    await page.getByRole('link', { name: 'January 2022 unrest in Kazakhstan' }).click();
    await expect(page).toHaveURL(new RegExp(`/events/${KZ}#sources-title$`));
    await expect(page.getByRole('heading', { level: 2, name: 'Sources' })).toBeInViewport();
    await context.close();
  });
}

test('a source cited only for an earlier count leads to the figures taken from it', async ({ page }) => {
  const event = new EventPage(page);
  await event.goto(KZ);
  // The Independent reported the first toll, 164, which 225 and then 230 superseded: no headline cites it.
  const item = event.sources().getByRole('listitem').filter({ hasText: 'The Independent' });
  await expect(item).toContainText('No card above cites it: see the figures taken from it');
  // Why is said once, above the list, not under each such source.
  await expect(event.sources().getByText('A source no card above cites gave an earlier or a retracted report, or a report of a count that has no card', { exact: false })).toHaveCount(1);
  await item.getByRole('link', { name: 'the figures taken from it' }).click();
  await expect(page).toHaveURL(/\/sources\/\d+#figures-title$/);
  const taken = page.getByRole('table', { name: 'January 2022 unrest in Kazakhstan' });
  await expect(taken.locator('tbody tr')).toHaveCount(1);
  await expect(taken).toContainText('164 people');
  // It says the 164 is no longer the count's latest.
  await expect(taken.locator('tbody tr td').nth(3)).toHaveText('superseded');
});

test.describe('a source that does not exist', () => {
  test.use({ allowedConsoleErrors: [/status of 404 .* at http:\/\/127\.0\.0\.1:\d+\/sources\//] });

  test('answers 404 with a page that says so, with JavaScript off', async ({ browser }) => {
    await expectNotFoundWithoutJavaScript(browser, ['/sources/999999', '/sources/abc', '/sources/0']);
  });
});

test("a source's cards are listed apart: a semicolon between labels that hold commas of their own", async ({ page }) => {
  const event = new EventPage(page);
  await event.goto(KZ);
  const item = event.sources().getByRole('listitem').filter({ hasText: 'Total of 230 people die' });
  const citedFor = item.locator('.cited-by');
  await expect(citedFor).toHaveText(/^Cited on the cards for: Deaths, Kazakhstan; Deaths, Almaty; Deaths, civilians, Kazakhstan; /);
  // Each label is its card's link.
  await expect(citedFor.getByRole('link')).toHaveText(['Deaths, Kazakhstan', 'Deaths, Almaty', 'Deaths, civilians, Kazakhstan', 'Deaths, law enforcement and military, Kazakhstan']);
});

test('each listed source gives its id in the data (the CSV’s source_id), linked to its page: the page’s numbers are not ids', async ({ page, request }) => {
  const event = new EventPage(page);
  await event.goto(KZ);
  const csv = await (await request.get(`/api/figures.csv?event=${KZ}&status=all`)).text();
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  const id = rows.find((r) => r.publisher === 'Interfax')!.source_id!;
  expect(id).toMatch(/^\d+$/);
  const item = event.sources().getByRole('listitem').filter({ hasText: 'Total of 230 people die' });
  const link = item.getByRole('link', { name: `source_id ${id}`, exact: true });
  await expect(link).toHaveAttribute('href', `/sources/${id}`);
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Total of 230 people die');
});
