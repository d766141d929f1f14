import { EventPage } from './event-page';
import { expect, test } from './fixtures';

/**
 * A bar's label wraps between words to the screen's width (lib/chart-labels.ts), and wraps again
 * when the width crosses a phone's (a phone turned, a window narrowed): the bars grow with their
 * lines, so a label is never cut off at the canvas's edge.
 */
const KZ = 'kazakhstan-2022-unrest';

test('bar labels wrap again when the screen narrows and widens', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const event = new EventPage(page);
  await event.goto(KZ);
  const panel = event.panel('Deaths by group and place');
  await expect(panel.locator('canvas')).toBeVisible();
  const area = panel.locator('.chart-canvas');
  const height = () => area.evaluate((el) => el.getBoundingClientRect().height);
  // Wide: "law enforcement and military, Kazakhstan" takes two lines, so each bar is 44 px.
  const wide = await height();
  // Narrow: three ("law enforcement", "and military", "Kazakhstan"), so every bar is taller.
  await page.setViewportSize({ width: 360, height: 800 });
  await expect.poll(height).toBeGreaterThan(wide + 20);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect.poll(height).toBe(wide);
});
