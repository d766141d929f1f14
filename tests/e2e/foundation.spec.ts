import { E2E_MARKER } from './markers';
import { expect, test } from './fixtures';

test('the health route reports the database', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ status: 'ok', database: { status: 'ok' } });
  // Other tests may add events and figures to the same database; the seed's are the floor.
  expect(body.database.events).toBeGreaterThanOrEqual(1);
  expect(body.database.figures).toBeGreaterThanOrEqual(35);
});

test('the home page links to the Kazakhstan event, whose page lists all 35 figures with wording, date and source', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'January 2022 unrest in Kazakhstan' }).click();
  await expect(page).toHaveURL(/\/events\/kazakhstan-2022-unrest$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('January 2022 unrest in Kazakhstan');

  const table = page.getByRole('table', { name: /Every figure reported/ });
  // Figures the admin tests add to this event say so in their note; the seeded ones are 35.
  await expect(table.locator('tbody tr').filter({ hasNotText: E2E_MARKER })).toHaveCount(35);

  const row = (text: string) => table.locator('tbody tr', { hasText: text });
  const injured = table
    .locator('tbody tr')
    .filter({ has: page.getByRole('cell', { name: 'Injured', exact: true }) })
    .filter({ hasText: 'more than 1,300' })
    .filter({ hasText: 'address to parliament' });
  await expect(injured).toContainText('law enforcement, Kazakhstan');
  await expect(injured).toContainText('11 January 2022');
  await expect(injured).toContainText('“The president said 16 law enforcement officers were killed and more than 1,300 were injured in the incidents.”');
  await expect(row('being determined')).toContainText('civilians, Kazakhstan');
  await expect(row('about KZT 93.7 billion')).toContainText('Kazinform');
  await expect(row('up to 9,900')).toContainText('10 January 2023');

  const tass = table.getByRole('link', { name: /Kazakh president unveils death toll/ }).first();
  await expect(tass).toHaveAttribute('href', 'https://tass.com/world/1385767');
  await expect(tass).toHaveAttribute('rel', 'noopener noreferrer');
});

test.describe('a missing page', () => {
  test.use({ allowedConsoleErrors: [/status of 404 .* at http:\/\/127\.0\.0\.1:\d+\/events\/no-such-event$/] });

  // Next sends a notFound() page with an empty body, its text only in the payload React draws
  // from; the server answers a missing event with the whole 404 page instead (lib/missing-page.ts).
  for (const javaScriptEnabled of [true, false]) {
    test(`an unknown event answers 404 with a page that says so and leads back (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const res = await page.goto('/events/no-such-event');
      expect(res?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await page.getByRole('link', { name: 'See all events' }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole('link', { name: /Kazakhstan/ }).first()).toBeVisible();
      await context.close();
    });
  }

  test('the 404 page of an unknown event runs its scripts under the nonce', async ({ page }) => {
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/.test(m.text())) refused.push(m.text());
    });
    await page.goto('/events/no-such-event');
    await expect(page).toHaveTitle(/^Page not found/);
    // Hydrated: the link to the event list navigates client-side, in the same document (a mark
    // left on the window survives), which only Next's scripts can do.
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.evaluate(() => ((window as unknown as { __stay: number }).__stay = 1));
    await page.getByRole('link', { name: 'See all events' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Crises and their toll' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __stay?: number }).__stay)).toBe(1);
    expect(refused).toEqual([]);
  });
});
