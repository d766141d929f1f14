import type { Db } from '@/db/index';
import { findFigure } from '@/db/queries/figure-admin';
import { listAuditForEntity } from '@/db/queries/audit-read';
import { updateFigure } from '@/db/queries/figure-writes';
import { counts, e2eDb, e2eEventId, newEditor, seedTestFigure, signIn } from './admin-support';
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

  // A retraction needs its reason, and says so to assistive technology.
  await expect(page.getByLabel('Reason for retracting')).toHaveAttribute('aria-required', 'true');
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

test("after a refused restore in the history and an edit on the same page, the restore form starts from the edited figure", async ({ page }) => {
  const id = seedTestFigure(db, 'Restore forms place', 10);
  await signIn(page, editor);
  await page.goto(`/admin/figures/${id}`);
  const edit = page.locator('form').filter({ has: page.getByRole('button', { name: 'Save changes' }) });
  await edit.getByLabel('Number (best)', { exact: true }).fill('11');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();

  // Refused: the reason is too long. It is marked and kept.
  const why = page.getByLabel('Why restore revision 1');
  await why.fill('y'.repeat(501));
  await page.getByRole('button', { name: 'Restore revision 1' }).click();
  await expect(why).toHaveAttribute('aria-invalid', 'true');
  await expect(why).toHaveValue('y'.repeat(501));

  // Another edit moves the figure to revision 3: the restore form is drawn again for it, empty.
  await edit.getByLabel('Number (best)', { exact: true }).fill('12');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  await expect(why).toHaveValue('');
  await expect(why).not.toHaveAttribute('aria-invalid', 'true');
  const restore = page.locator('form').filter({ has: page.getByRole('button', { name: 'Restore revision 1' }) });
  await expect(restore.locator('input[name="revision"]')).toHaveValue('3');

  // So restoring now is not refused as someone else's change.
  await why.fill('the first number was right');
  await page.getByRole('button', { name: 'Restore revision 1' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Figure restored.' })).toBeVisible();
  expect(findFigure(db, id)).toMatchObject({ valueBest: 10, revision: 4 });
  expect(listAuditForEntity(db, 'figure', id)[0]).toMatchObject({ action: 'restore', reason: 'the first number was right' });
});

/**
 * A retraction refused because someone else saved first: the page is brought to their revision
 * (header and history), the refusal says what to do in a retraction's words, and the reason stays.
 */
test('a retraction refused as stale brings the page to the revision now stored and keeps the reason', async ({ page }) => {
  const id = seedTestFigure(db, `Stale retraction place ${Date.now()}`, 20);
  await signIn(page, editor);
  await page.goto(`/admin/figures/${id}`);
  await expect(page.getByText(/^Revision 1 ·/)).toBeVisible();
  const figure = findFigure(db, id)!;
  expect(updateFigure(db, id, 1, { ...figure, quote: '', note: 'their note', source: { kind: 'existing' as const, id: figure.sourceId } }, { userId: null, label: 'another editor' }).status).toBe('saved');

  await page.getByLabel('Reason for retracting').fill('entered twice');
  await page.getByRole('button', { name: 'Retract figure' }).click();
  const status = page.locator('.admin-form').filter({ has: page.getByLabel('Reason for retracting') }).getByTestId('form-status');
  await expect(status).toContainText('Not saved: someone else changed this figure after you opened it (you edited revision 1; it is now at revision 2).');
  await expect(status).toContainText('what you typed is still in the form: review them, then retract it again if it still should be.');
  await expect(status.getByRole('row', { name: /Note/ })).toContainText('their note');
  await expect(page.getByText(/^Revision 2 ·/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'History (2)' })).toBeVisible();
  await expect(page.getByLabel('Reason for retracting')).toHaveValue('entered twice');
  expect(findFigure(db, id)).toMatchObject({ status: 'published', revision: 2 });

  await page.getByRole('button', { name: 'Retract figure' }).click();
  await expect(page.getByText('Retracted: entered twice')).toBeVisible();
  expect(findFigure(db, id)).toMatchObject({ status: 'retracted', revision: 3 });
});

/**
 * A figure is counted in its metric's unit. Choosing a metric fills its unit in; a unit typed over
 * it is refused at the unit field, with everything typed kept and nothing saved.
 */
test("a figure's unit follows its metric, and another unit is refused at the unit field with nothing saved", async ({ page }) => {
  const field = (label: string) => page.getByLabel(label, { exact: true });
  await signIn(page, editor);
  await page.goto('/admin/figures/new');
  await field('Metric').selectOption({ label: 'Economic damage (KZT)' });
  await expect(field('Unit')).toHaveValue('KZT');
  // Said to a screen reader, as the change is in another field than the one chosen.
  await expect(page.getByTestId('unit-set')).toHaveText('Unit set to KZT, the unit of Economic damage.');
  await expect(page.getByTestId('unit-set')).toHaveAttribute('aria-live', 'polite');
  await field('Metric').selectOption({ label: 'Deaths (people)' });
  await expect(field('Unit')).toHaveValue('people');

  await field('Event').selectOption({ label: 'End-to-end admin tests' });
  await field('Number (best)').fill('5');
  await field('Unit').fill('KZT');
  await field('Reported on').fill('2022-03-02');
  await field('Existing source').selectOption({ index: 1 });
  const before = counts(db);
  // With another field missing, one answer marks both: the unit's rule reads the metric from the
  // database, beside the form's own checks.
  await page.getByRole('button', { name: 'Add figure' }).click();
  await expect(page.getByTestId('form-status')).toContainText('Nothing was saved: correct the fields marked below.');
  await expect(field('Location')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#unit-error')).toHaveText('Deaths is counted in people, not “KZT”: give the figure in people (say in the note if you converted it), or choose another metric.');
  await expect(field('Unit')).toHaveAttribute('aria-invalid', 'true');
  // The keyboard is taken to the first field marked, far above the button pressed.
  await expect(field('Location')).toBeFocused();
  expect(counts(db)).toEqual(before);

  await field('Location').fill('Unit place');
  await page.getByRole('button', { name: 'Add figure' }).click();

  await expect(page.getByTestId('form-status')).toContainText('Nothing was saved: Deaths is counted in people, not “KZT”');
  await expect(page.locator('#unit-error')).toHaveText('Deaths is counted in people, not “KZT”: give the figure in people (say in the note if you converted it), or choose another metric.');
  await expect(field('Unit')).toHaveAttribute('aria-invalid', 'true');
  await expect(field('Unit')).toHaveValue('KZT');
  await expect(field('Location')).toHaveValue('Unit place');
  await expect(field('Number (best)')).toHaveValue('5');
  await expect(field('Unit')).toBeFocused();
  expect(counts(db)).toEqual(before);

  // The metric that counts in KZT takes the figure. Its sum is not a round one: the public page
  // words it in full, never rounded to "1 billion".
  await field('Metric').selectOption({ label: 'Economic damage (KZT)' });
  await field('Number (best)').fill('999999999');
  await page.getByRole('button', { name: 'Add figure' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Figure added.' })).toBeVisible();
  expect(counts(db).figures).toBe(before.figures + 1);
  const id = /\/admin\/figures\/(\d+)/.exec(page.url())![1];
  // A later refusal on the same page is not shown beside the earlier "added": the flash goes.
  await field('Reason for retracting').fill('');
  await page.getByRole('button', { name: 'Retract figure' }).click();
  await expect(page.locator('#reason-error')).toHaveText('Enter why the figure is retracted.');
  await expect(page.getByRole('status').filter({ hasText: 'Figure added.' })).toHaveCount(0);
  await expect(field('Reason for retracting')).toBeFocused();
  await page.goto(`/figures/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('KZT 999,999,999');
  await expect(page.locator('main')).not.toContainText('billion');
});

test('saving a figure with nothing changed is refused: no new revision, nothing in its history', async ({ page }) => {
  const id = seedTestFigure(db, 'Unchanged place', 5);
  await signIn(page, editor);
  await page.goto(`/admin/figures/${id}`);
  const edit = page.locator('form').filter({ has: page.getByRole('button', { name: 'Save changes' }) });
  await edit.getByLabel('Why this change').fill('looked again');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('form-status').first()).toContainText('Nothing was saved: the form holds what is already saved; change a field first, or leave it as it is.');
  await expect(edit.getByLabel('Why this change')).toHaveValue('looked again');
  expect(findFigure(db, id)).toMatchObject({ revision: 1, valueBest: 5 });
  expect(listAuditForEntity(db, 'figure', id)).toHaveLength(1);
});

test("the source's fields follow the choice; a new source's Published on left empty is the figure's Reported on date", async ({ page }) => {
  const field = (label: string) => page.getByLabel(label, { exact: true });
  const place = `Dated source place ${Date.now()}`;
  e2eEventId(db);
  await signIn(page, editor);
  await page.goto('/admin/figures/new');
  await field('Event').selectOption({ label: 'End-to-end admin tests' });
  await field('Metric').selectOption({ label: 'Deaths (people)' });
  await field('Location').fill(place);
  await field('Number (best)').fill('3');
  await field('Reported on').fill('2022-02-14');
  // Only the fields of the source chosen are shown (and reached by Tab).
  await expect(page.getByRole('radio', { name: 'An existing source' })).toBeChecked();
  await expect(field('Existing source')).toBeVisible();
  await expect(field('Reported by')).toBeHidden();
  await page.getByRole('radio', { name: 'A new source' }).check();
  await expect(field('Existing source')).toBeHidden();
  await field('Reported by').fill(`Body of ${place}`);
  await expect(page.locator('#newSourcePublishedOn-hint')).toHaveText('YYYY-MM-DD; left empty, the Reported on date.');
  await page.getByRole('button', { name: 'Add figure' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Figure added.' })).toBeVisible();
  expect(db.$client.prepare('SELECT published_on FROM sources WHERE reporting_body = ?').pluck().get(`Body of ${place}`)).toBe('2022-02-14');
});
