import type { Db } from '@/db/index';
import { createEvent } from '@/db/queries/catalog-admin';
import { LINE_PALETTES } from '@/app/ui/charts/palette';
import { pixelsOfColours } from './canvas-colours';
import { e2eDb, seedTestFigure } from './admin-support';
import { EventPage } from './event-page';
import { expect, test } from './fixtures';

let db: Db;
test.beforeAll(() => {
  db = e2eDb();
});
test.afterAll(() => db.$client.close());

/**
 * A line of the timeline keeps its colour when a group or place is entered later: a reader who
 * learnt that Taldykorgan is the orange line, or who printed the chart, finds it orange again.
 * In the editors' project: it writes to the database of the server under test.
 */
test('a place entered later takes a colour of its own; every other line keeps its colour', async ({ browser }) => {
  const slug = `e2e-colours-${Date.now()}`;
  const eventId = createEvent(db, { slug, name: 'Line colours', country: 'Kazakhstan', startDate: '2022-01-01', endDate: undefined, description: '' }, { userId: null, label: 'e2e setup' }).id;
  const report = (location: string, best: number, reportedOn: string, group = 'all') => seedTestFigure(db, location, best, { eventId, reportedOn, group });
  // Three lines of different lengths: their pixel counts tell them apart.
  report('Kazakhstan', 50, '2022-01-05');
  report('Kazakhstan', 150, '2022-01-10');
  report('Kazakhstan', 200, '2022-01-20');
  report('Taldykorgan', 10, '2022-01-05');
  report('Taldykorgan', 30, '2022-01-20');
  report('Kazakhstan', 80, '2022-01-12', 'civilians');
  report('Kazakhstan', 90, '2022-01-13', 'civilians');

  const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const event = new EventPage(page);
  const palette = LINE_PALETTES.light.map((c) => c.toLowerCase());
  const drawn = async () => {
    await event.goto(slug);
    const canvas = event.panel('Deaths as reported over time').locator('canvas');
    // The canvas is on the page before the chart is drawn on it: wait for the first line.
    await expect.poll(async () => (await pixelsOfColours(canvas, palette))[palette[0]!]).toBeGreaterThan(100);
    return pixelsOfColours(canvas, palette);
  };
  const before = await drawn();
  for (const colour of palette.slice(0, 3)) expect(before[colour], `${colour} drawn`).toBeGreaterThan(100);
  expect(before[palette[3]!]).toBe(0);

  // Aksu sorts first in the legend and the table, and within the axes' days and numbers.
  report('Aksu', 120, '2022-01-15');
  const after = await drawn();
  await expect(event.panel('Deaths as reported over time').getByText('Aksu').first()).toBeAttached();
  // The new line has the fourth colour; the first three are drawn as much as before (their
  // lines are the same; by position in the list, Aksu's lone mark would have taken the first).
  expect(after[palette[3]!]).toBeGreaterThan(30);
  for (const colour of palette.slice(0, 3)) {
    expect(after[colour]! / before[colour]!, `${colour}: ${before[colour]} pixels before, ${after[colour]} after`).toBeGreaterThan(0.75);
    expect(after[colour]! / before[colour]!, `${colour}: ${before[colour]} pixels before, ${after[colour]} after`).toBeLessThan(1.33);
  }
  await context.close();
});
