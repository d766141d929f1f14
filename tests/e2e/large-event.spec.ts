import { openDatabase } from '@/db/index';
import { ensureEvent } from '@/db/queries/catalog';
import { importCsvText } from '@/lib/import/run';
import { openE2eDatabase } from './db';
import { EventPage } from './event-page';
import { expect, test } from './fixtures';

/**
 * An event with more reports than a table page and more places than a metric has cards: the
 * cards stop at six per metric, and "All reports" pages through every report in reading order
 * (metric, group and place, date), with and without JavaScript.
 */
const SLUG = 'large-test-event';
const HEADER = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body';
const DISTRICTS = 10;

test.beforeAll(() => {
  const db = openDatabase(process.env.E2E_DATABASE_PATH);
  try {
    const actor = { userId: null, label: 'e2e: large event' };
    ensureEvent(db, { slug: SLUG, name: 'Large test event', country: 'Testland', startDate: '2021-03-01', endDate: '2021-03-09', description: 'Many places, many reports.' }, actor);
    const rows: string[] = [];
    // Deaths: the whole count and ten districts, five reports each; injured: one per district.
    for (let d = 0; d <= DISTRICTS; d++) {
      const place = d === 0 ? 'Testland' : `District ${String(d).padStart(2, '0')}`;
      for (let r = 1; r <= 5; r++) rows.push(`${SLUG},deaths,all,${place},exact,,${d * 100 + r},,people,2021-03-0${r},Agency ${r}`);
      rows.push(`${SLUG},injured,all,${place},exact,,${d * 10},,people,2021-03-06,Agency 1`);
    }
    expect(importCsvText(db, [HEADER, ...rows].join('\n'), actor).errors).toEqual([]);
  } finally {
    db.$client.close();
  }
});

/** Every report of the event in reading order, as the table words its first three columns: the number with where it stands in its count. */
function readingOrder(): string[] {
  const db = openE2eDatabase();
  try {
    return (
      db
        .prepare(
          `SELECT m.label AS metric, f.location AS place, f.value_best AS value,
             CASE WHEN f.id = (SELECT g.id FROM figures g WHERE g.event_id = f.event_id AND g.metric_id = f.metric_id AND g.group_name = f.group_name
               AND g.location = f.location AND g.status = 'published' ORDER BY g.reported_on DESC, g.created_at DESC, g.id DESC LIMIT 1)
             THEN 'latest' ELSE 'superseded' END AS standing
           FROM figures f JOIN metrics m ON m.id = f.metric_id JOIN events e ON e.id = f.event_id
           WHERE e.slug = ? ORDER BY m.sort_order, f.group_name, f.location, f.reported_on, f.id`,
        )
        .all(SLUG) as Array<{ metric: string; place: string; value: number; standing: string }>
    ).map((r) => `${r.metric} | ${r.place} | ${r.value.toLocaleString('en-US')} (${r.standing})`);
  } finally {
    db.close();
  }
}

async function tableRows(event: EventPage): Promise<string[]> {
  const rows = await event.tableRows(event.panel(/^All reports/));
  // The number cell reads "101 people" and, beneath, "latest" or "superseded".
  return rows.map((cells) => `${cells[0]} | ${cells[1]} | ${cells[2]!.replace(/ people(latest|superseded)$/, ' ($1)')}`);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('pages through every report in reading order, 50 a page, and gives each metric six cards', async ({ page }) => {
      const event = new EventPage(page);
      const expected = readingOrder();
      expect(expected).toHaveLength(66);
      await event.goto(SLUG);
      await expect(page.getByRole('heading', { name: 'All reports (66)' })).toBeVisible();
      const nav = page.getByRole('navigation', { name: 'All reports: pages' });
      await expect(nav).toContainText('Page 1 of 2');
      const first = await tableRows(event);
      expect(first).toEqual(expected.slice(0, 50));

      const table = page.getByRole('table', { name: /Every figure reported/ });
      await expect(table.locator('caption')).toHaveText('Every figure reported for Large test event, by metric, then group and place, then date reported: reports 1–50 of 66');

      await nav.getByRole('link', { name: 'Next' }).click();
      await expect(nav).toContainText('Page 2 of 2');
      await expect(page).toHaveURL(/reports_page=2/);
      expect(await tableRows(event)).toEqual(expected.slice(50));
      await expect(table.locator('caption')).toContainText('reports 51–66 of 66');
      // The new page opens at the table's heading, not at the links below the old page's rows, and
      // the keyboard goes on from there (the browser does it on a full load; the page, on one in place).
      await expect(page.getByRole('heading', { name: 'All reports (66)' })).toBeInViewport();
      if (javaScriptEnabled) await expect(page.getByRole('heading', { name: 'All reports (66)' })).toBeFocused();

      // Six cards for deaths: the whole count first, then the districts in page order.
      const deaths = page.getByRole('region', { name: 'Deaths', exact: true });
      await expect(deaths.getByRole('article')).toHaveCount(6);
      await expect(event.card('Deaths', 'Testland').locator('.card-value')).toHaveText('5');
      await expect(deaths.getByRole('article').nth(1)).toContainText('District 01');
      await expect(deaths).toContainText('5 more groups and places have figures for deaths: see All reports.');

      // A page past the end, however far (a typed or stale link), shows the last page, and the
      // chart tabs' links keep that page.
      for (const past of ['3', '99999999999999999999']) {
        await page.goto(`/events/${SLUG}?reports_page=${past}`);
        await expect(nav).toContainText('Page 2 of 2');
        expect(await tableRows(event)).toEqual(expected.slice(50));
        await expect(page.getByRole('region', { name: /by group and place$/ }).getByRole('link', { name: 'Table' })).toHaveAttribute('href', /reports_page=2(&|#|$)/);
      }
    });
  });
}
