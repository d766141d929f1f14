import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_COLUMNS } from '@/lib/export/csv';
import { CSV_PARAMETERS, DEFAULT_PAGE_SIZE, JSON_PARAMETERS, MAX_PAGE_SIZE } from '@/lib/validation/figure-filters';
import AxeBuilder from './axe';
import { expect, test } from './fixtures';

// The metrics the seed defines, read independently of the application.
const catalog = JSON.parse(fs.readFileSync(path.resolve('seed/catalog.json'), 'utf8')) as { metrics: Array<{ key: string; label: string; unit: string; hxlTag: string }> };

const cellsOf = (table: import('@playwright/test').Locator) =>
  table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => (c as HTMLElement).innerText.trim())));

/**
 * The data guide a reader finds from every page's footer: what latest, superseded and retracted
 * mean, how numbers are worded, the metrics' keys, and the data API's parameters and columns,
 * with a working example. Both ways, with and without JavaScript.
 */
for (const javaScriptEnabled of [true, false]) {
  test(`the data guide explains the terms and the API, with the metrics from the database (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto('/events/kazakhstan-2022-unrest');
    await page.getByRole('contentinfo').getByRole('link', { name: 'About the data' }).click();
    await expect(page).toHaveURL(/\/about$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('About the data');
    await expect(page).toHaveTitle('About the data · Casualty and damage statistics');

    // Each metric as the database holds it: what the API's metric filter and the HXL row use.
    expect(await cellsOf(page.getByRole('table', { name: /^Every metric/ }))).toEqual(catalog.metrics.map((m) => [m.label, m.key, m.unit, m.hxlTag]));

    // Each qualifier worded by the site's own rules, a bound and a range among them.
    const qualifiers = await cellsOf(page.getByRole('table', { name: /^Qualifiers/ }));
    expect(qualifiers.map((r) => r[0])).toEqual(['exact', 'about', 'at_least', 'more_than', 'at_most', 'unknown']);
    expect(qualifiers.find((r) => r[0] === 'about')!.slice(2)).toEqual(['about 1,300', 'about 225–238']);
    // A bound is for one number: the site refuses a range given as one ("more than 225–238").
    expect(qualifiers.find((r) => r[0] === 'more_than')!.slice(2)).toEqual(['more than 1,300', 'not with a range']);
    expect(qualifiers.find((r) => r[0] === 'at_most')!.slice(2)).toEqual(['up to 1,300', 'not with a range']);
    expect(qualifiers.find((r) => r[0] === 'unknown')!.slice(2)).toEqual(['being determined', 'being determined']);

    // Every parameter the routes accept, and the CSV's columns in the file's order.
    const parameters = await cellsOf(page.getByRole('table', { name: 'Parameters' }));
    expect(parameters.map((r) => r[0]).sort()).toEqual([...new Set([...CSV_PARAMETERS, ...JSON_PARAMETERS])].sort());
    expect(parameters.find((r) => r[0] === 'hxl')![3]).toBe('CSV only');
    expect(parameters.find((r) => r[0] === 'cursor')![3]).toBe('JSON only');
    expect(parameters.find((r) => r[0] === 'event')![3]).toBe('CSV and JSON');
    expect((await cellsOf(page.getByRole('table', { name: 'CSV columns, in order' }))).map((r) => r[0])).toEqual([...EXPORT_COLUMNS]);
    // What the guide says a parameter accepts is what the route accepts.
    const limit = parameters.find((r) => r[0] === 'limit')!;
    expect(limit[1]).toBe(`1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}`);
    expect((await page.request.get(`/api/figures?limit=${MAX_PAGE_SIZE}`)).status()).toBe(200);
    expect((await page.request.get(`/api/figures?limit=${MAX_PAGE_SIZE + 1}`)).status()).toBe(400);
    expect(((await (await page.request.get('/api/figures')).json()) as { limit: number }).limit).toBe(DEFAULT_PAGE_SIZE);
    expect((await page.request.get('/api/figures?metric=no_such_metric')).status()).toBe(404);
    expect((await page.request.get('/api/figures?metric=death%20toll')).status()).toBe(400);
    expect((await page.request.get('/api/figures?metric=Deaths')).status()).toBe(200);

    // The examples work: the CSV's header is those columns, the JSON a page of figures.
    const csvLink = page.getByRole('link', { name: /^\/api\/figures\.csv\?/ });
    const csv = await page.request.get((await csvLink.getAttribute('href'))!);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(','));
    // No byte-order mark, as the guide says, with how to open such a file in Excel.
    expect((await csv.body()).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    await expect(page.locator('main')).toContainText('The file has no byte-order mark, so Excel opened by a double click may show Cyrillic letters and dashes wrongly');
    const json = await page.request.get((await page.getByRole('link', { name: /^\/api\/figures\?/ }).getAttribute('href'))!);
    expect(json.status()).toBe(200);
    const body = (await json.json()) as { data: Array<{ metric: { key: string } }>; limit: number };
    expect(body.limit).toBe(20);
    expect(body.data.length).toBeGreaterThan(0);
    expect(new Set(body.data.map((f) => f.metric.key))).toEqual(new Set([catalog.metrics[0]!.key]));

    if (javaScriptEnabled) {
      const violations = (await new AxeBuilder(page).analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
      expect(violations).toEqual([]);
    }
    await context.close();
  });
}

test('the data guide reads on a phone: its tables turn into a block a row, each cell under its column’s name, nothing scrolling sideways', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto('/about');
  const tables = page.locator('main table');
  expect(await tables.count()).toBeGreaterThanOrEqual(4);
  // The walkthrough found the metrics table 702 px wide in a 336 px box, its HXL column cut off.
  const overflowing = await tables.evaluateAll((all) => all.filter((t) => t.scrollWidth > (t.parentElement?.clientWidth ?? 0) + 1).map((t) => t.querySelector('caption')?.textContent));
  expect(overflowing).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // Each cell is labelled with its column, as the header row is hidden.
  const hxl = page.getByRole('table', { name: /^Every metric/ }).locator('tbody tr').first().locator('td').last();
  expect(await hxl.evaluate((td) => getComputedStyle(td, '::before').content)).toContain('HXL');
  await context.close();
});
