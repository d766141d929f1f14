import { LINE_PALETTES } from '@/app/ui/charts/palette';
import { pixelsOfColours } from './canvas-colours';
import { EventPage } from './event-page';
import { expect, test } from './fixtures';

/**
 * The timeline draws each of its lines in a colour of its own, from the set made for the page's
 * scheme (app/ui/charts/palette.ts, whose contrast and distinctness tests/unit/palette.test.ts
 * measures): the death toll's five lines once shared one colour between the first and the fifth.
 */
const KZ = 'kazakhstan-2022-unrest';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`each line of the timeline has its own colour, the one its legend and table go by (${colorScheme} mode)`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const event = new EventPage(page);
    await event.goto(KZ);
    const timeline = event.panel('Deaths as reported over time');
    const canvas = timeline.locator('canvas');
    await expect(canvas).toBeVisible();
    const palette = LINE_PALETTES[colorScheme].map((c) => c.toLowerCase());
    const drawn = await pixelsOfColours(canvas, palette);
    // The lines, in the legend's order: the groups and places of the chart's table.
    await timeline.getByRole('link', { name: 'Table' }).click();
    await expect(page).toHaveURL(/timeline_view=table#timeline$/);
    await expect(timeline.getByRole('table')).toBeVisible();
    const lines = [...new Set((await event.tableRows(timeline)).map((r) => r[0]!))];
    expect(lines).toEqual(['Almaty', 'Kazakhstan', 'civilians, Kazakhstan', 'law enforcement, Kazakhstan', 'law enforcement and military, Kazakhstan']);
    // The first five colours are drawn, each well beyond a legend's key; the other three are not.
    for (const colour of palette.slice(0, lines.length)) expect(drawn[colour], `${colour} drawn`).toBeGreaterThan(100);
    for (const colour of palette.slice(lines.length)) expect(drawn[colour], `${colour} not drawn`).toBe(0);
    await context.close();
  });
}
