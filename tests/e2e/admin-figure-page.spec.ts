import type { Db } from '@/db/index';
import { findFigure } from '@/db/queries/figure-admin';
import { formatDate } from '@/lib/wording';
import { e2eDb, newEditor, seedTestFigure, signIn } from './admin-support';
import { expect, test } from './fixtures';

let db: Db;
let editor: { email: string; password: string };

test.beforeAll(async () => {
  db = e2eDb();
  editor = await newEditor(db, 'figure-page');
});
test.afterAll(() => db.$client.close());

/**
 * What an editor does to a figure shows on its public page: each change with the numbers before
 * and after, a retraction with its reason, and never the editor's address.
 */
test("an editor's change and retraction show on the figure's public page, without the editor's name", async ({ page }) => {
  const id = seedTestFigure(db, 'Public history place', 41);
  await signIn(page, editor);
  await page.goto(`/admin/figures/${id}`);
  await page.getByLabel('Number (best)', { exact: true }).fill('42');
  await page.getByLabel('Why this change').fill('A typing error: the source says 42');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  // The page shows one form, of the new revision, with no reason in it for the next change (the
  // form that was saved once stayed above it, stuck on "Saving…"), and the history gives the reason.
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Saving/ })).toHaveCount(0);
  await expect(page.locator('form').filter({ has: page.getByLabel('Why this change') }).locator('input[name="revision"]')).toHaveValue('2');
  await expect(page.getByLabel('Why this change')).toHaveValue('');
  await expect(page.locator('.history-entry').first()).toContainText('Reason given: A typing error: the source says 42');

  await page.getByRole('link', { name: 'See its own public page' }).click();
  await expect(page).toHaveURL(new RegExp(`/figures/${id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deaths, Public history place: 42 people');
  // Said at the top, with the number it was.
  const day = formatDate(findFigure(db, id)!.updatedAt.slice(0, 10));
  await expect(page.getByRole('note')).toHaveText(
    `Changed on this site after it was published, last on ${day} (revision 2; the reason given: “A typing error: the source says 42”); its number was 41 people until ${day}. What changed is in its history below.`,
  );
  const history = page.getByRole('region', { name: 'History on this site' });
  await expect(history.locator('.history-entry')).toHaveCount(2);
  const change = history.locator('.history-entry').first();
  await expect(change).toContainText('Changed by an editor');
  await expect(change).toContainText('revision 2');
  await expect(change.locator('.change-reason')).toHaveText('Reason given: A typing error: the source says 42');
  await expect(change.getByRole('row', { name: /Number \(best\)/ })).toHaveText(/Number \(best\)\s*41\s*42/);
  await expect(history.locator('.history-entry').last()).toContainText('Entered as 41 people.');
  await expect(history).not.toContainText('outside the site');
  await expect(page.locator('body')).not.toContainText(editor.email);

  // Retracted: the page stays, and says so with the reason.
  await page.goto(`/admin/figures/${id}`);
  await page.getByLabel('Reason for retracting').fill('Counted twice');
  await page.getByRole('button', { name: 'Retract figure' }).click();
  await expect(page.getByText('Retracted: Counted twice')).toBeVisible();
  expect(findFigure(db, id)).toMatchObject({ status: 'retracted', revision: 3 });
  await page.goto(`/figures/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deaths, Public history place: 42 people (retracted)');
  await expect(page.getByRole('note')).toContainText('This figure was retracted. The reason given: Counted twice');
  await expect(page.getByRole('note')).toContainText("such as the event's download of all figures, mark it as retracted in their standing column; the API leaves it out unless asked for (status=all)");
  // The only report of its count: there is no latest one to point to.
  await expect(page.getByRole('note')).not.toContainText('The latest report');
  // The retraction is no correction: the number it had before the edit is still said.
  await expect(page.getByRole('note')).toContainText(`Changed on this site after it was published, last on ${day} (revision 2; the reason given: “A typing error: the source says 42”); its number was 41 people`);
  await expect(page.getByRole('note')).toContainText('Retracted since then (it is now revision 3).');
  await expect(page.getByRole('table', { name: /Deaths, Public history place: 1 report/ }).getByRole('row').nth(1)).toContainText('retracted');
  await expect(history.locator('.history-entry').first()).toContainText('Retracted by an editor');
  await expect(history.locator('.history-entry').first().getByRole('row', { name: /Retraction reason/ })).toContainText('Counted twice');
  await expect(page.locator('body')).not.toContainText(editor.email);

  // Published again, saying why. A reason too long is marked, kept as typed, and nothing changes.
  await page.goto(`/admin/figures/${id}`);
  const why = page.getByLabel('Why publish it again');
  await why.fill('x'.repeat(501));
  await page.getByRole('button', { name: 'Restore figure (publish it again)' }).click();
  await expect(page.locator('#restore-published-reason-error')).toHaveText('Use at most 500 characters (this has 501).');
  await expect(why).toHaveAttribute('aria-invalid', 'true');
  await expect(why).toHaveValue('x'.repeat(501));
  expect(findFigure(db, id)).toMatchObject({ status: 'retracted', revision: 3 });
  await why.fill('Not counted twice after all');
  await page.getByRole('button', { name: 'Restore figure (publish it again)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Figure restored.' })).toBeVisible();
  expect(findFigure(db, id)).toMatchObject({ status: 'published', revision: 4 });
  await expect(page.locator('.history-entry').first()).toContainText('Reason given: Not counted twice after all');

  // An earlier version brought back, saying why: the public notice gives that change's reason.
  await page.getByLabel('Why restore revision 1').fill('The source was read again: 41');
  await page.getByRole('button', { name: 'Restore revision 1' }).click();
  // "Figure restored." is still on screen from the restore before: wait for this one's history entry.
  await expect(page.locator('.history-entry').first()).toContainText('Reason given: The source was read again: 41');
  await expect(page.getByRole('status').filter({ hasText: 'Figure restored.' })).toBeVisible();
  expect(findFigure(db, id)).toMatchObject({ status: 'published', valueBest: 41, revision: 5 });
  await page.goto(`/figures/${id}`);
  const restoredOn = formatDate(findFigure(db, id)!.updatedAt.slice(0, 10));
  await expect(page.getByRole('note')).toContainText(`last on ${restoredOn} (revision 5; the reason given: “The source was read again: 41”); its number was 42 people`);
  await expect(history.locator('.history-entry').nth(0).locator('.change-reason')).toHaveText('Reason given: The source was read again: 41');
  await expect(history.locator('.history-entry').nth(1).locator('.change-reason')).toHaveText('Reason given: Not counted twice after all');
  await expect(page.locator('body')).not.toContainText(editor.email);
});
