import AxeBuilder from './axe';
import { EventPage } from './event-page';
import { expect, test } from './fixtures';
import { expectNotFoundWithoutJavaScript } from './not-found';

const KZ = 'kazakhstan-2022-unrest';

/**
 * Every number on the event page leads to its own page: a citable address for one report, the
 * other reports of the same count (how the death toll was revised), and its history here. Both
 * with and without JavaScript.
 */
for (const javaScriptEnabled of [true, false]) {
  test(`a headline number leads to its report's page, with every report of the count and its history (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const event = new EventPage(page);
    await event.goto(KZ);
    const number = event.card('Deaths', 'Kazakhstan').getByRole('link', { name: '230', exact: true });
    // Out of its card (in a list of the page's links) it still says what it counts.
    await expect(number).toHaveAccessibleDescription('Deaths Kazakhstan');
    await number.click();
    await expect(page).toHaveURL(/\/figures\/\d+$/);
    const latest = page.url();
    await expect(page).toHaveTitle(/^Deaths, Kazakhstan: 230 people — January 2022 unrest in Kazakhstan · /);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deaths, Kazakhstan: 230 people');
    await expect(page.locator('.lede')).toHaveText(
      "Reported on 14 March 2022 by Prosecutor General Berik Asylov (Mazhilis plenary), for the January 2022 unrest in Kazakhstan. The latest of the 3 reports of this count.",
    );
    await expect(page.locator('.source-facts')).toContainText('Number as reported230 people');
    await expect(page.getByRole('note')).toHaveCount(0);

    // The count as it was revised: 164, then 225, then 230, this one marked.
    const series = page.getByRole('table', { name: 'Deaths, Kazakhstan: 3 reports by the date reported' });
    const rows = await series.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((c) => (c as HTMLElement).innerText.replace(/\s+/g, ' ').trim())),
    );
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['9 January 2022', '164 people', 'superseded'],
      ['15 January 2022', '225 people', 'superseded'],
      ['14 March 2022', '230 people this report', 'latest'],
    ]);
    await expect(series.locator('tr[aria-current="true"]')).toContainText('230 people');
    await expect(page.getByRole('link', { name: 'Download every report of this count (CSV)' })).toHaveAttribute(
      'href',
      '/api/figures.csv?event=kazakhstan-2022-unrest&metric=deaths&group=all&location=Kazakhstan&status=all',
    );
    const history = page.getByRole('region', { name: 'History on this site' });
    await expect(history.locator('.history-entry')).toHaveCount(1);
    await expect(history).toContainText("Entered with the site's dataset");
    await expect(history).toContainText('Entered as 230 people.');
    // The dataset's import recorded it whole: nothing is said to be missing.
    await expect(history).not.toContainText('outside the site');
    const id = new URL(latest).pathname.split('/').at(-1);
    await expect(page.getByLabel('Citation', { exact: true })).toContainText(
      `“Deaths, Kazakhstan: 230 people, reported by Prosecutor General Berik Asylov (Mazhilis plenary) on 14 March 2022; January 2022 unrest in Kazakhstan.” Casualty and damage statistics, figure ${id}, revision 1. ${latest}.`,
    );

    // An earlier report of the count is one link away, and so is what the site knows of its source.
    await series.getByRole('link', { name: '164' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deaths, Kazakhstan: 164 people (superseded)');
    await expect(page).toHaveTitle(/^Deaths, Kazakhstan: 164 people \(superseded\) — January 2022 unrest in Kazakhstan · /);
    await expect(page.getByLabel('Citation', { exact: true })).toContainText('“Deaths, Kazakhstan: 164 people (superseded), reported by Ministry of Health (via Khabar-24) on 9 January 2022;');
    // The dataset's note on this report is shown with it (the page's own words are in the notice below).
    await expect(page.locator('.source-facts dt', { hasText: 'Note' }).locator('+ dd')).toHaveText("later superseded by the prosecutor general's figures");
    // It says at once that it is not the latest, and which is.
    await expect(page.getByRole('note')).toHaveText(
      'Superseded. The latest report of this count gives 230 people (Prosecutor General Berik Asylov (Mazhilis plenary), 14 March 2022).',
    );
    await expect(page.getByRole('note').getByRole('link', { name: '230 people' })).toHaveAttribute('href', new URL(latest).pathname);
    await page.getByRole('link', { name: 'about this source' }).click();
    await expect(page).toHaveURL(/\/sources\/\d+$/);
    await expect(page.getByRole('region', { name: 'Events it gave figures for' })).toContainText('January 2022 unrest in Kazakhstan');

    // A row of "All reports" leads to its report as well.
    await event.goto(KZ);
    const row = page.getByRole('table', { name: /Every figure reported/ }).getByRole('row').filter({ hasText: 'more than 1,300' }).filter({ hasText: '11 January 2022' });
    await row.getByRole('link', { name: 'more than 1,300' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Injured, law enforcement, Kazakhstan: more than 1,300 people');
    await expect(page.locator('.source-facts')).toContainText('The president said 16 law enforcement officers were killed and more than 1,300 were injured');
    await context.close();
  });
}

test('a sum of money is worded compactly, and its page gives the amount in full, as the source worded it', async ({ page }) => {
  const event = new EventPage(page);
  await event.goto(KZ);
  await event.card('Economic damage', 'businesses, Kazakhstan').getByRole('link', { name: 'about KZT 93.7 billion' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Economic damage, businesses, Kazakhstan: about KZT 93.7 billion');
  // In full, with the source's words: "about", never "exact" for what was not.
  await expect(page.locator('.source-facts')).toContainText('Amount in fullabout KZT 93,700,000,000');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a superseded figure's page and its source's page pass the accessibility checks (${colorScheme} mode)`, async ({ browser }) => {
    // axe-core is injected as an inline script, which the page's CSP rightly refuses.
    const context = await browser.newContext({ colorScheme, bypassCSP: true });
    const page = await context.newPage();
    await new EventPage(page).goto(KZ);
    await page.getByRole('region', { name: 'Sources' }).getByRole('listitem').filter({ hasText: 'The Independent' }).getByRole('link', { name: 'the figures taken from it' }).click();
    const violations = async () =>
      (await new AxeBuilder(page).analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
    await expect(page.getByRole('heading', { level: 2, name: 'Figures taken from this source' })).toBeVisible();
    expect(await violations()).toEqual([]);
    // The 164 toll: its page has the notice of a later report, the count's table and the history.
    await page.getByRole('link', { name: '164', exact: true }).click();
    await expect(page.getByRole('note')).toContainText('The latest report of this count gives 230 people');
    expect(await violations()).toEqual([]);
    await context.close();
  });
}

test.describe('a figure that does not exist', () => {
  test.use({ allowedConsoleErrors: [/status of 404 .* at http:\/\/127\.0\.0\.1:\d+\/figures\//] });

  test('answers 404 with a page that says so, with JavaScript off', async ({ browser }) => {
    await expectNotFoundWithoutJavaScript(browser, ['/figures/999999', '/figures/abc', '/figures/0']);
  });
});
