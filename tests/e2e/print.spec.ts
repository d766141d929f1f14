import type { Page } from '@playwright/test';
import { EventPage } from './event-page';
import { expect, test } from './fixtures';

/**
 * The event page printed (or saved as PDF) from a wide window: at the paper's width, without the
 * page's controls, each source with its address.
 */
const KZ = 'kazakhstan-2022-unrest';

/** How many A4 pages the page prints on, as Chromium prints it. */
async function printedPages(page: Page): Promise<number> {
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  return pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

test.use({ viewport: { width: 1280, height: 900 } });

test('printed from a wide window, the charts fit the paper instead of shrinking the whole page', async ({ page }) => {
  const event = new EventPage(page);
  await event.goto(KZ);
  await expect(page.locator('canvas')).toHaveCount(3);
  for (const canvas of await page.locator('canvas').all()) await expect(canvas).toBeVisible();
  const withCharts = await printedPages(page);
  // The same page with the charts left out: its text printed at full size. Were the charts as
  // wide as the window on paper, Chromium would shrink everything to fit, and the page with them
  // would print on fewer sheets than the page without them (8 sheets against 15 before the fix).
  await page.addStyleTag({ content: 'canvas { display: none !important; }' });
  const withoutCharts = await printedPages(page);
  expect(withoutCharts).toBeGreaterThan(3);
  expect(withCharts).toBeGreaterThanOrEqual(withoutCharts);
});

test('on paper the page leaves out its controls and prints each source’s address', async ({ page }) => {
  const event = new EventPage(page);
  await event.goto(KZ);
  const timeline = event.panel('Deaths as reported over time');
  await expect(timeline.getByRole('button', { name: 'Download PNG' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(timeline.getByRole('button', { name: 'Download PNG' })).toBeHidden();
  await expect(timeline.getByRole('link', { name: /^Download CSV/ })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy the citation' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Table', exact: true }).first()).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const link = event.sources().locator('a[href^="http"]').first();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^https?:\/\//);
  expect(await link.evaluate((a) => getComputedStyle(a, '::after').content)).toBe(`" <${href}>"`);
  await page.emulateMedia({ media: 'screen' });
  expect(await link.evaluate((a) => getComputedStyle(a, '::after').content)).toBe('none');
});
