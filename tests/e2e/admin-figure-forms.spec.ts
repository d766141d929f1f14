import type { Db } from '@/db/index';
import { findFigure } from '@/db/queries/figure-admin';
import { listAuditForEntity } from '@/db/queries/audit-read';
import { e2eDb, newEditor, seedTestFigure, signIn } from './admin-support';
import { expect, test } from './fixtures';

let db: Db;
let editor: { email: string; password: string };

test.beforeAll(async () => {
  db = e2eDb();
  editor = await newEditor(db, 'figure-forms');
});
test.afterAll(() => db.$client.close());

/**
 * The figure's page has several forms. One that holds a refused save must not bring it back after
 * another form changed the figure: its revision and typing were for the figure before.
 */
test('after a refused edit and a retraction on the same page, the edit form starts from the retracted figure', async ({ page }) => {
  const id = seedTestFigure(db, 'Forms place', 7);
  await signIn(page, editor);
  await page.goto(`/admin/figures/${id}`);
  const edit = page.locator('form').filter({ has: page.getByRole('button', { name: 'Save changes' }) });
  await edit.getByLabel('Number (best)', { exact: true }).fill('abc');
  await edit.getByLabel('Why this change').fill('reason A');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByLabel('Number (best)', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(edit.getByLabel('Why this change')).toHaveValue('reason A');

  await page.getByLabel('Reason for retracting').fill('entered twice');
  await page.getByRole('button', { name: 'Retract figure' }).click();
  await expect(page.getByText('Retracted: entered twice')).toBeVisible();
  // The edit form is the retracted figure's: revision 2, its number, no reason, no error.
  await expect(edit.locator('input[name="revision"]')).toHaveValue('2');
  await expect(edit.getByLabel('Number (best)', { exact: true })).toHaveValue('7');
  await expect(edit.getByLabel('Number (best)', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  await expect(edit.getByLabel('Why this change')).toHaveValue('');
  await expect(page.getByTestId('form-status').first()).not.toContainText('Nothing was saved');

  // So the next edit saves (it is not refused as someone else's change), with its own reason only.
  await edit.getByLabel('Number (best)', { exact: true }).fill('8');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  expect(findFigure(db, id)).toMatchObject({ valueBest: 8, revision: 3, status: 'retracted' });
  expect(listAuditForEntity(db, 'figure', id).map((e) => [e.action, e.reason])).toEqual([['update', null], ['retract', null], ['create', null]]);
});
