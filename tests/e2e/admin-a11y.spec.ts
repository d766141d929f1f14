import type { Page } from '@playwright/test';
import type { Db } from '@/db/index';
import { e2eDb, newEditor, seedTestFigure, signIn } from './admin-support';
import AxeBuilder from './axe';
import { expect, test } from './fixtures';

let db: Db;
let editor: { email: string; password: string };

test.beforeAll(async () => {
  db = e2eDb();
  editor = await newEditor(db, 'a11y');
});
test.afterAll(() => db.$client.close());

/** The page's WCAG 2.1 A and AA (and best-practice) violations, named with where they are. */
const violations = async (page: Page) =>
  (await new AxeBuilder(page).analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);

/**
 * Editors use the admin pages all day, with a keyboard and a screen reader as much as readers
 * do: every page of the admin area, in the states an editor meets (a form refused with its
 * fields marked, a figure with a history to restore from), passes the same checks as the public
 * pages.
 */
for (const colorScheme of ['light', 'dark'] as const) {
  test(`every admin page passes the accessibility checks, refused forms included (${colorScheme} mode)`, async ({ browser }) => {
    // axe-core is injected as an inline script, which the pages' CSP rightly refuses.
    const context = await browser.newContext({ colorScheme, bypassCSP: true });
    const page = await context.newPage();
    await page.goto('/admin/login');
    expect(await violations(page), 'sign-in').toEqual([]);
    await page.getByLabel('E-mail address').fill(editor.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('form-status')).toHaveText('The e-mail address or password is wrong.');
    expect(await violations(page), 'sign-in refused').toEqual([]);
    await signIn(page, editor);

    const id = seedTestFigure(db, `Accessible place ${colorScheme}`, 5);
    for (const path of ['/admin/figures', '/admin/figures/new', '/admin/sources', '/admin/sources/new', '/admin/sources/1', '/admin/events', '/admin/events/new', '/admin/import', '/admin/history']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await violations(page), path).toEqual([]);
    }
    await page.goto('/admin/events');
    await page.getByRole('link', { name: 'January 2022 unrest in Kazakhstan' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Reached by a link (a client-side navigation), the page's <title> follows its content by a
    // moment, and can be replaced once more after it first appears (a fresh clone's run found no
    // <title> after toHaveTitle had passed). Checked until the page settles: a violation that
    // stays still fails, after the poll's timeout.
    await expect(page).toHaveTitle(/\S/);
    await expect.poll(() => violations(page), { message: 'an event' }).toEqual([]);

    // A figure with a history (an edit, so an earlier version to restore) and a refused save.
    await page.goto(`/admin/figures/${id}`);
    await page.getByLabel('Number (best)', { exact: true }).fill('6');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Restore revision 1' })).toBeVisible();
    await page.getByLabel('Number (best)', { exact: true }).fill('six');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByLabel('Number (best)', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    expect(await violations(page), 'a figure, a save refused').toEqual([]);

    // A refused import: the problems listed.
    await page.goto('/admin/import');
    await page.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('event_slug,metric\nnope,deaths\n') });
    await page.getByLabel('Why this import').fill('z'.repeat(501));
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.locator('#import-reason-error')).not.toBeEmpty();
    expect(await violations(page), 'an import refused').toEqual([]);
    await context.close();
  });
}

test('every kind of form control shows the same solid focus ring when reached by keyboard', async ({ page }) => {
  await signIn(page, editor);
  const id = seedTestFigure(db, 'Focus ring place', 5);
  await page.goto(`/admin/figures/${id}`);
  const ring = async (selector: string) => {
    const control = page.locator(selector).first();
    await control.focus();
    // Reached from the control before it by Tab, as a keyboard user does (focus-visible).
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    return control.evaluate((el) => {
      const style = getComputedStyle(el);
      return [el === document.activeElement, style.outlineStyle, style.outlineWidth];
    });
  };
  for (const selector of ['textarea[name="quote"]', 'input[name="location"]', 'select[name="metricId"]']) {
    expect(await ring(selector), selector).toEqual([true, 'solid', '3px']);
  }
});
