import type { Db } from '@/db/index';
import { e2eDb, newEditor, signIn } from './admin-support';
import { expect, test } from './fixtures';

let db: Db;
let editor: { email: string; password: string };

test.beforeAll(async () => {
  db = e2eDb();
  editor = await newEditor(db, 'list-editor');
});
test.afterAll(() => db.$client.close());

test('the figure list says when its address asks for a status or a page it cannot show, and still lists the figures', async ({ page }) => {
  await signIn(page, editor);
  const count = page.getByRole('status').filter({ hasText: /figures?/ });
  const all = await count.textContent();
  const [, total = '', pages = ''] = /^([\d,]+) figures, page 1 of (\d+)$/.exec(all ?? '') ?? [];
  expect(Number(pages)).toBeGreaterThan(1);
  await expect(page.getByRole('note')).toHaveCount(0);

  await page.goto('/admin/figures?status=xyz');
  await expect(page.getByRole('note')).toHaveText('The status "xyz" is not one of published or retracted; figures of any status are shown.');
  await expect(count).toHaveText(all ?? '');
  await expect(page.getByLabel('Status')).toHaveValue('');

  await page.goto('/admin/figures?page=99');
  await expect(page.getByRole('note')).toHaveText(`Page 99 is past the end; the last page, page ${pages}, is shown.`);
  await expect(count).toHaveText(`${total} figures, page ${pages} of ${pages}`);
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Previous page' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);

  await page.goto('/admin/figures?page=abc&status=retracted');
  await expect(page.getByRole('note')).toHaveText('"abc" is not a page number; the first page is shown.');
  await expect(page.getByLabel('Status')).toHaveValue('retracted');
});

test('the figure list reads on a phone: one block per figure, each value under its column\'s name, nothing scrolls sideways', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, editor);
  const first = page.locator('table.reflow tbody tr').first();
  // Every column's value is on screen, named: nothing is left off to the right.
  for (const name of ['Event', 'Metric', 'Group and place', 'Figure', 'Reported on', 'Source', 'Status']) {
    const cell = first.locator(`td[data-label="${name}"]`);
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width, name).toBeLessThanOrEqual(390);
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content), name).toContain(`${name}: `);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await page.locator('.table-wrap').evaluate((w) => w.scrollWidth - w.clientWidth)).toBeLessThanOrEqual(0);
  await context.close();
});
