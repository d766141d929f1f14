import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import AxeBuilder from './axe';
import { headlinesInDb, openE2eDatabase } from './db';
import { EventPage } from './event-page';
import { expect, test } from './fixtures';

const KZ = 'kazakhstan-2022-unrest';

test('headline cards show law-enforcement deaths and injuries with citations that resolve to the address to parliament and back', async ({ page }) => {
  const event = new EventPage(page);
  await event.goto(KZ);
  const cases = [
    { card: event.card('Deaths', 'law enforcement, Kazakhstan'), value: '16' },
    { card: event.card('Injured', 'law enforcement, Kazakhstan'), value: 'more than 1,300' },
  ];
  for (const { card, value } of cases) {
    await expect(card.locator('.card-value')).toHaveText(value);
    await expect(card).toContainText('Reported 11 January 2022 by President Kassym-Jomart Tokayev (address to parliament)');
    const citation = card.getByRole('link', { name: /^source \d+$/ });
    const href = await citation.getAttribute('href');
    await citation.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    const source = page.locator(href!);
    await expect(source).toContainText('Kazakh President Kasyym-Jomart Tokayev addressed a session of the Kazakh parliament');
    await expect(source).toContainText('President Kassym-Jomart Tokayev (address to parliament), 11 January 2022');
    await expect(source.locator('blockquote').first()).toContainText('The president said 16 law enforcement officers were killed and more than 1,300 were injured');
    // ...and back from the source to the card.
    await source.getByRole('link', { name: `${value === '16' ? 'Deaths' : 'Injured'}, law enforcement, Kazakhstan` }).click();
    await expect(card).toBeInViewport();
    // Reached by the link, perhaps far below its section's heading, the card says its metric on screen.
    const metric = card.locator('.card-label .visually-hidden');
    await expect(metric).toHaveText(value === '16' ? 'Deaths' : 'Injured');
    await expect.poll(() => metric.evaluate((e) => e.getBoundingClientRect().width)).toBeGreaterThan(20);
  }
  // Not reached by a link, a card leaves its metric to its section's heading.
  await expect.poll(() => event.card('Deaths', 'Almaty').locator('.card-label .visually-hidden').evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
  await expect(event.card('Deaths', 'Kazakhstan').locator('.card-value')).toHaveText('230');
  // Read out of its card (a list of the page's links), the number says what it counts.
  await expect(event.card('Deaths', 'Kazakhstan').locator('.card-value')).toHaveAccessibleDescription('Deaths Kazakhstan');
  await expect(event.card('Deaths', 'Kazakhstan')).toContainText('3 reports from 3 sources, ranging from 164 to 230; the figure above is the latest.');
  // Three sources that agree: the card says the number stands on three reports, not one.
  // A number keeps its words in the spread too: all three said "more than 100".
  await expect(event.card('Shopping malls and banks looted', 'Kazakhstan')).toContainText('3 reports from 3 sources, all with the same number (more than 100); the figure above is the latest.');
  await expect(event.card('Vehicles burned', 'Kazakhstan')).toContainText('from more than 400 to about 500; the figure above is the latest.');
  await expect(event.card('Deaths', 'civilians, Kazakhstan').locator('.card-value')).toHaveText('20');
  // The earlier "being determined" report is not hidden behind the one number.
  await expect(event.card('Deaths', 'civilians, Kazakhstan')).toContainText('2 reports in all; no other published report gives a number; the figure above is the latest.');
  await expect(event.card('Economic damage', 'businesses, Kazakhstan').locator('.card-value')).toHaveText('about KZT 93.7 billion');
  await expect(event.card('Economic damage', 'businesses, Kazakhstan')).toContainText('to about KZT 93.7 billion; the figure above is the latest.');
  // "All reports" says which report of a count is its latest: 164 and 225 are not current.
  const reports = page.getByRole('table', { name: /Every figure reported/ });
  const rowOf = (n: string) => reports.getByRole('row').filter({ has: page.getByRole('link', { name: n, exact: true }) });
  await expect(rowOf('164').locator('.standing')).toHaveText('superseded');
  await expect(rowOf('225').locator('.standing')).toHaveText('superseded');
  await expect(rowOf('230').locator('.standing')).toHaveText('latest');
});

test('a card shows its group and place under its metric’s heading, and says its metric to a screen reader', async ({ page }) => {
  const event = new EventPage(page);
  await event.goto(KZ);
  const deaths = page.getByRole('region', { name: 'Deaths', exact: true });
  await expect(deaths.getByRole('heading', { level: 3 })).toHaveText('Deaths');
  // On screen each card's heading is its group and place alone: the metric is the section's.
  const shown = await deaths.getByRole('heading', { level: 4 }).evaluateAll((headings) =>
    headings.map((h) => [...h.children].filter((c) => c.getBoundingClientRect().width > 1).map((c) => c.textContent).join(' ')),
  );
  expect(shown).toEqual(['Kazakhstan', 'Almaty', 'civilians, Kazakhstan', 'law enforcement, Kazakhstan', 'law enforcement and military, Kazakhstan']);
  // Read out of the section (a list of headings, of landmarks, of links), card and number name it.
  const card = event.card('Deaths', 'Almaty');
  await expect(card).toHaveAccessibleName('Deaths Almaty');
  await expect(card.getByRole('heading', { level: 4 })).toHaveAccessibleName('Deaths Almaty');
  await expect(card.locator('.card-value')).toHaveAccessibleDescription('Deaths Almaty');
  await expect(page.getByRole('heading', { level: 4, name: 'Economic damage businesses, Kazakhstan' })).toHaveCount(1);
});

test('the timeline shows the death toll revised 164 → 225 → 230, superseded reports marked', async ({ page }) => {
  const event = new EventPage(page);
  await event.goto(KZ);
  const timeline = event.panel('Deaths as reported over time');
  await expect(timeline.getByRole('img')).toHaveAttribute(
    'aria-label',
    /Kazakhstan: 164 on 9 January 2022 \(superseded\), then 225 on 15 January 2022 \(superseded\), then 230 on 14 March 2022\./,
  );
  // The civilians' toll of 11 January 2022 was "being determined": in the table, and said, not drawn.
  await expect(timeline.getByRole('img')).toHaveAttribute('aria-label', /\. One report gives no number \(being determined\); it is in the table, not drawn\.$/);
  await timeline.getByRole('link', { name: 'Table' }).click();
  await expect(page).toHaveURL(/timeline_view=table#timeline$/);
  const rows = (await event.tableRows(timeline)).filter((r) => r[0] === 'Kazakhstan');
  expect(rows.map((r) => [r[1], r[2]])).toEqual([
    ['164 people', 'superseded'],
    ['225 people', 'superseded'],
    ['230 people', 'latest'],
  ]);
});

test('each chart’s table holds exactly the numbers in the database', async ({ page }) => {
  const db = openE2eDatabase();
  const event = new EventPage(page);
  const cellValues = (panel: ReturnType<EventPage['panel']>) =>
    panel.locator('table tbody tr td.num').evaluateAll((cells) =>
      cells.map((c) => [c.getAttribute('data-value-low'), c.getAttribute('data-value-best'), c.getAttribute('data-value-high')].map((v) => (v === null ? null : Number(v)))),
    );
  const asTriples = (rows: Array<{ low: number | null; best: number | null; high: number | null }>) => rows.map((r) => [r.low, r.best, r.high]);
  try {
    for (const metric of ['deaths', 'injured', 'detained', 'economic_damage']) {
      await event.goto(KZ, `?breakdown=${metric}&breakdown_view=table`);
      const shown = await cellValues(event.panel(/by group and place$/));
      expect(shown.sort()).toEqual(asTriples(headlinesInDb(db, KZ, metric)).sort());
    }
    await event.goto(KZ, '?compare_view=table');
    const compared = await cellValues(event.panel(/^Headline figures compared/));
    const people = ['deaths', 'injured', 'detained'].map((m) => headlinesInDb(db, KZ, m).find((h) => h.group === 'all' && h.location === 'Kazakhstan')!);
    expect(compared).toEqual(asTriples(people));
    await event.goto(KZ, '?timeline=detained&timeline_view=table');
    const reports = db
      .prepare("SELECT f.value_low AS low, f.value_best AS best, f.value_high AS high FROM figures f JOIN metrics m ON m.id = f.metric_id WHERE m.key = 'detained' ORDER BY f.reported_on")
      .all() as Array<{ low: number | null; best: number | null; high: number | null }>;
    expect(await cellValues(event.panel(/as reported over time$/))).toEqual(asTriples(reports));
    // "up to 9,900" is a bound: the chart says how it marks one, and its table keeps the words.
    await expect(event.panel(/as reported over time$/)).toContainText('an arrow beside a mark a number given as a bound (up: more than or at least; down: up to)');
    await expect(event.panel(/as reported over time$/).getByRole('table')).toContainText('up to 9,900');
    // Each number leads to its report's page, as on the cards and in All reports.
    const links = await event.panel(/as reported over time$/).locator('table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-figure-id'), tr.querySelector('td.num a')?.getAttribute('href')]),
    );
    expect(links.length).toBe(reports.length);
    for (const [id, href] of links) expect(href).toBe(`/figures/${id}`);
    await event.panel(/as reported over time$/).getByRole('link', { name: 'up to 9,900', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Detained, .*: up to 9,900 people$/);
  } finally {
    db.close();
  }
});

test('chart views and metrics live in the URL: a copied link reopens the same view', async ({ page, context }) => {
  const event = new EventPage(page);
  await event.goto(KZ);
  const breakdown = event.panel(/by group and place$/);
  // "Detained up to 9,900" is a bound: a hollow bar, and the compared panel says what hollow bars are.
  await expect(event.panel(/^Headline figures compared/)).toContainText('Hollow (outlined) bars are numbers given as bounds: the true figure may lie beyond the bar’s end (more than, at least) or short of it (up to)');
  // Almaty's toll is part of Kazakhstan's: the panel says its bars are not to be added up.
  await expect(breakdown).toContainText('Groups and places overlap (a city is within its country, a group within “all”): compare the bars, do not add them up.');
  await breakdown.getByRole('link', { name: 'Injured', exact: true }).click();
  await expect(page).toHaveURL(/breakdown=injured/);
  await breakdown.getByRole('link', { name: 'Table' }).click();
  await expect(page).toHaveURL(/breakdown=injured&breakdown_view=table/);
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  const reopened = new EventPage(other).panel('Injured by group and place');
  await expect(reopened.getByRole('table')).toBeVisible();
  await expect(reopened.getByRole('link', { name: 'Table' })).toHaveAttribute('aria-current', 'true');
  await expect(reopened.getByRole('link', { name: 'Injured', exact: true })).toHaveAttribute('aria-current', 'true');
});

test('a chart switched to another unit or metric draws that one’s numbers: the same picture as its address opened afresh', async ({ page, context }) => {
  const event = new EventPage(page);
  await event.goto(KZ);
  // The canvas's pixels, as a short hash (a failure prints two hashes, not two images).
  const picture = async (p: Page, title: string) =>
    createHash('sha256').update(await new EventPage(p).panel(title).locator('canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL('image/png'))).digest('hex');
  // The walkthrough found the bars of a switched chart labelled with the previous tab's numbers
  // (230 on the economic damage bar), in the PNG too; opened at its address, the chart was right.
  const switches = [
    { panel: /^Headline figures compared/, link: 'KZT', title: 'Headline figures compared, in KZT' },
    { panel: /by group and place$/, link: 'Economic damage', title: 'Economic damage by group and place' },
  ];
  for (const { panel, link, title } of switches) {
    await expect(event.panel(panel).locator('canvas')).toBeVisible();
    await event.panel(panel).getByRole('link', { name: link, exact: true }).click();
    await expect(event.panel(title).locator('canvas')).toBeVisible();
    const fresh = await context.newPage();
    await fresh.goto(page.url());
    await expect(new EventPage(fresh).panel(title).locator('canvas')).toBeVisible();
    const expected = await picture(fresh, title);
    await fresh.close();
    await expect.poll(() => picture(page, title), { message: `${title}: drawn after the switch as when opened afresh` }).toBe(expected);
  }
});

test('the controls work from the keyboard', async ({ page }) => {
  const event = new EventPage(page);
  await event.goto(KZ);
  const compare = event.panel(/^Headline figures compared/);
  await compare.getByRole('link', { name: 'KZT' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/compare=KZT/);
  await expect(event.panel('Headline figures compared, in KZT')).toBeVisible();
});

test('from the keyboard, the charts and All reports are a few Tabs from the top, by the page’s contents', async ({ page }) => {
  const event = new EventPage(page);
  await event.goto(KZ);
  const contents = page.getByRole('navigation', { name: 'On this page' });
  await expect(contents.getByRole('link')).toHaveText(['Headline figures', 'Charts', 'All reports', 'Sources', 'Cite this page']);
  // Tab from the top of the page to the contents' link to the charts.
  const charts = contents.getByRole('link', { name: 'Charts' });
  let tabs = 0;
  while (!(await charts.evaluate((a) => a === document.activeElement)) && tabs < 100) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  expect(tabs).toBeLessThanOrEqual(12);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#charts-title$/);
  // The next Tab is in the charts, not back among the cards.
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveCount(1);
  expect(await focused.evaluate((el) => el.closest('section[aria-labelledby="charts-title"]') !== null)).toBe(true);
  // All reports, likewise.
  await contents.getByRole('link', { name: 'All reports' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  expect(await page.locator(':focus').evaluate((el) => el.closest('section[aria-labelledby="all-reports"]') !== null)).toBe(true);
});

test('the page reads fully without JavaScript: cards, tables and sources are in the HTML', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const event = new EventPage(page);
  await event.goto(KZ);
  await expect(event.card('Deaths', 'law enforcement, Kazakhstan').locator('.card-value')).toHaveText('16');
  const timeline = event.panel('Deaths as reported over time');
  await expect(timeline.getByRole('table')).toBeVisible();
  await expect(timeline.locator('canvas')).toHaveCount(0);
  // "Chart" is the view picked, and the reader is told why a table stands in for it.
  await expect(timeline.getByText('The chart needs JavaScript; until it runs, this table shows the same numbers.')).toBeVisible();
  expect((await event.tableRows(timeline)).length).toBeGreaterThanOrEqual(9);
  await expect(event.sources().locator('li')).toHaveCount(17);
  await timeline.getByRole('link', { name: 'Injured', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Injured as reported over time' })).toBeVisible();
  await context.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations (axe-core, ${colorScheme} mode)`, async ({ browser }) => {
    // axe-core is injected as an inline script, which the page's CSP rightly refuses.
    const context = await browser.newContext({ colorScheme, bypassCSP: true });
    const page = await context.newPage();
    await new EventPage(page).goto(KZ);
    await expect(page.locator('canvas').first()).toBeVisible();
    // Drawn: the note that stands in for a chart without JavaScript is gone.
    await expect(page.getByText('The chart needs JavaScript')).toHaveCount(0);
    const results = await new AxeBuilder(page).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`)).toEqual([]);
    await page.goto('/');
    expect((await new AxeBuilder(page).analyze()).violations.map((v) => v.id)).toEqual([]);
    await context.close();
  });
}

test('works at 360 px wide: nothing but tables scrolls sideways', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const event = new EventPage(page);
  await event.goto(KZ);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // "All reports" is laid out a row a block, each cell named by its column, so who reported a
  // figure and where is on screen, not past a sideways scroll.
  const reports = page.getByRole('table', { name: /Every figure reported/ });
  const first = reports.getByRole('row').nth(1);
  const source = first.getByRole('cell').nth(4);
  await expect(source).toContainText('Prosecutor General');
  const box = (await source.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  // The label is drawn for the eye, with no text for screen readers (they have the column header).
  expect(await source.evaluate((el) => getComputedStyle(el, '::before').content)).toMatch(/^"Reported by and source: "( \/ "")?$/);
  await expect(source).toHaveAccessibleName(/^(?!Reported by and source)/);
  const wrap = reports.locator('xpath=..');
  expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  // A card's sum of money wraps after its qualifier, never inside the amount ("more than KZT /
  // 87 billion" was drawn), and stays inside its card.
  for (const [metric, scope] of [['Economic damage', 'Kazakhstan'], ['Economic damage', 'businesses, Kazakhstan']]) {
    const value = event.card(metric!, scope!).locator('.card-value');
    const lines = await value.evaluate((el) => {
      const text = el.querySelector('.amount')!.firstChild!;
      const top = (from: number, to: number) => {
        const range = document.createRange();
        range.setStart(text, from);
        range.setEnd(text, to);
        return Math.round(range.getBoundingClientRect().top);
      };
      const words = text.textContent!;
      const amount = words.indexOf('KZT');
      return { currency: top(amount, amount + 3), scale: top(words.length - 7, words.length), right: el.getBoundingClientRect().right, card: el.closest('article')!.getBoundingClientRect().right };
    });
    expect(lines.currency).toBe(lines.scale);
    expect(lines.right).toBeLessThanOrEqual(lines.card);
  }
  await context.close();
});

test('a chart’s table reads on a phone without JavaScript: a block a row, every column on screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  const page = await context.newPage();
  const event = new EventPage(page);
  await event.goto(KZ);
  // The timeline's table has a Status column; the breakdown's has none: both are labelled right.
  for (const [title, last, label] of [
    ['Deaths as reported over time', 4, 'Source: '],
    ['Deaths as reported over time', 2, 'Status: '],
    ['Deaths by group and place', 3, 'Source: '],
  ] as const) {
    const table = event.panel(title).getByRole('table');
    const cell = table.getByRole('row').nth(1).getByRole('cell').nth(last - 1);
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width, `${title}: column ${last}`).toBeLessThanOrEqual(360);
    expect(await cell.evaluate((el) => getComputedStyle(el, '::before').content)).toMatch(new RegExp(`^"${label}"( / "")?$`));
    expect(await table.locator('xpath=..').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test('the home page lists events with their headline deaths and period', async ({ page }) => {
  await page.goto('/');
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'January 2022 unrest in Kazakhstan' }) });
  await expect(item).toContainText('Kazakhstan, 2 January 2022 – 11 January 2022');
  await expect(item).toContainText('Deaths: 230, reported 14 March 2022');
  // The number is cited: who said it, and the report it was published in.
  await expect(item).toContainText('Source: Prosecutor General Berik Asylov (Mazhilis plenary); Interfax: Total of 230 people die in Jan unrest in Kazakhstan');
  await expect(item.getByRole('link', { name: /Total of 230 people die/ })).toHaveAttribute('href', 'https://interfax.com/newsroom/top-stories/76630/');
  // The number itself leads to the report's own page.
  await item.getByRole('link', { name: '230', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deaths, Kazakhstan: 230 people');
});

test('each chart’s CSV link downloads the rows of the figures it draws on', async ({ page }) => {
  const db = openE2eDatabase();
  const event = new EventPage(page);
  try {
    await event.goto(KZ, '?breakdown=injured');
    const panel = event.panel('Injured by group and place');
    // The chart draws after the page hydrates and pushes the link down: clicked once it is drawn.
    await expect(panel.locator('canvas')).toBeVisible();
    const downloading = page.waitForEvent('download');
    // Named after its chart: a screen reader's list of links tells the three apart.
    await panel.getByRole('link', { name: 'Download CSV of Injured by group and place', exact: true }).click();
    const text = fs.readFileSync((await (await downloading).path())!, 'utf8');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, delimiter: ',' });
    expect(parsed.errors).toEqual([]);
    expect(new Set(parsed.data.map((r) => `${r.event_slug}/${r.metric}`))).toEqual(new Set([`${KZ}/injured`]));
    const ids = parsed.data.map((r) => Number(r.figure_id));
    const expected = db
      .prepare(
        "SELECT f.id FROM figures f JOIN metrics m ON m.id = f.metric_id JOIN events e ON e.id = f.event_id WHERE e.slug = ? AND m.key = 'injured' AND f.status = 'published' ORDER BY f.id",
      )
      .all(KZ) as Array<{ id: number }>;
    expect(ids).toEqual(expected.map((r) => r.id));
    // Every figure the chart's table shows is among them; beside the link, the page says the file
    // holds more than the chart draws, and how to find what it draws.
    const shown = await panel.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-figure-id'))));
    for (const id of shown) expect(ids).toContain(id);
    await expect(panel.locator('.chart-downloads')).toContainText('every published report of this metric, of every group and place, earlier ones included; its standing column says which the chart shows');
    const latest = parsed.data.filter((r) => r.standing === 'latest').map((r) => Number(r.figure_id));
    for (const id of shown) expect(latest).toContain(id);
  } finally {
    db.close();
  }
});

test('“Cite this page” gives a ready citation with the page’s address, the data’s last update and today', async ({ page, baseURL }) => {
  await new EventPage(page).goto(KZ);
  const cite = page.getByRole('region', { name: 'Cite this page' });
  const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date());
  await expect(cite.getByLabel('Citation', { exact: true })).toHaveText(
    new RegExp(`^“January 2022 unrest in Kazakhstan\\.” Casualty and damage statistics\\. ${baseURL!.replace(/[.]/g, '\\.')}/events/${KZ}\\. Data last updated \\d{1,2} \\w+ 20\\d\\d\\. Accessed ${today}\\.$`),
  );
  // Which date that is, said beside it: not the date of the latest report (10 January 2023).
  await expect(cite.getByText(/^Data last updated \d{1,2} \w+ 20\d\d: the last time an editor saved, imported or loaded this page’s figures on this site, not the date of its latest report\.$/)).toBeVisible();
});
