import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Db } from '@/db/index';
import { findFigure } from '@/db/queries/figure-admin';
import { E2E_EVENT_SLUG, cliDryRun, counts, e2eDb, e2eEventId, newEditor, seedTestFigure, signIn } from './admin-support';
import AxeBuilder from './axe';
import { expect, test } from './fixtures';

/**
 * A number ten times larger or smaller than the reports next to it in its series is almost always
 * a typing error: the form stops to ask, says why, and saves it once the editor confirms it.
 */
let db: Db;
let editor: { email: string; password: string };
test.beforeAll(async () => {
  db = e2eDb();
  editor = await newEditor(db, 'unusual');
  e2eEventId(db);
});
test.afterAll(() => db.$client.close());

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** The new-figure form filled for `place`'s death toll, reported 1 March 2022 by the first listed source. */
async function fillNewToll(page: Page, place: string, best: string): Promise<void> {
  await page.goto('/admin/figures/new');
  await field(page, 'Event').selectOption({ label: 'End-to-end admin tests' });
  await field(page, 'Metric').selectOption({ label: 'Deaths (people)' });
  await field(page, 'Location').fill(place);
  await field(page, 'Number (best)').fill(best);
  await field(page, 'Reported on').fill('2022-03-01');
  await field(page, 'Existing source').selectOption({ index: 1 });
  await field(page, 'Note').fill('typed note');
}

const newest = (place: string) => db.$client.prepare('SELECT id, value_best FROM figures WHERE location = ? ORDER BY id DESC LIMIT 1').get(place) as { id: number; value_best: number };

test('a toll ten times the last report is not saved until the editor confirms it', async ({ page }) => {
  const place = `Unusual place ${Date.now()}`;
  const earlier = seedTestFigure(db, place, 230);
  await signIn(page, editor);
  await fillNewToll(page, place, '2300');
  const before = counts(db);
  await page.getByRole('button', { name: 'Add figure' }).click();

  await expect(page.getByTestId('form-status')).toContainText('Not saved yet: check the number.');
  const check = page.getByRole('group', { name: 'Check this number' });
  await expect(check).toContainText(`2,300 is 10 times the last report before it in this series: 230, reported 1 February 2022 by E2E body for ${place} (figure #${earlier} (opens in a new tab)).`);
  // The report compared with opens in another tab, leaving this form as typed.
  await expect(check.getByRole('link', { name: `figure #${earlier}` })).toHaveAttribute('href', `/admin/figures/${earlier}`);
  await expect(check.getByRole('link', { name: `figure #${earlier}` })).toHaveAttribute('target', '_blank');
  const confirm = check.getByRole('checkbox', { name: 'The number is right: save it anyway' });
  // The keyboard is taken to the box, beside the numbers, not left at the button; the box is not
  // "invalid", and is described by the reasons.
  await expect(confirm).toBeFocused();
  await expect(confirm).not.toHaveAttribute('aria-invalid');
  await expect(confirm).toHaveAccessibleDescription(/^2,300 is 10 times the last report before it/);
  await expect(confirm).not.toBeChecked();
  await expect(field(page, 'Number (best)')).toHaveValue('2300');
  await expect(field(page, 'Note')).toHaveValue('typed note');
  expect(counts(db)).toEqual(before);
  expect((await new AxeBuilder(page).analyze()).violations.map((v) => v.id)).toEqual([]);

  // Corrected to a usual number, it saves without a question.
  await field(page, 'Number (best)').fill('231');
  await page.getByRole('button', { name: 'Add figure' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Figure added.' })).toBeVisible();
  expect(newest(place).value_best).toBe(231);

  // Confirmed, an unusual one saves too (another day, so it is another report).
  await fillNewToll(page, place, '23100');
  await field(page, 'Reported on').fill('2022-03-02');
  await page.getByRole('button', { name: 'Add figure' }).click();
  await expect(page.getByRole('group', { name: 'Check this number' })).toContainText('23,100 is 100 times the last report before it in this series: 231');
  await page.getByRole('checkbox', { name: 'The number is right: save it anyway' }).check();
  await page.getByRole('button', { name: 'Add figure' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Figure added.' })).toBeVisible();
  expect(findFigure(db, newest(place).id)).toMatchObject({ valueBest: 23100, note: 'typed note' });
  // The figure's history keeps what the editor confirmed, in the admin and on its public page (no editor named).
  const confirmed = /^Saved after a check of the number: 23,100 is 100 times the last report before it in this series: 231, .* An editor confirmed it was right\.$/;
  await expect(page.locator('.confirmed-warning')).toHaveText(confirmed);
  const id = newest(place).id;
  await page.goto(`/figures/${id}`);
  await expect(page.getByRole('region', { name: 'History on this site' }).locator('.confirmed-warning')).toHaveText(confirmed);
  await expect(page.getByRole('region', { name: 'History on this site' })).not.toContainText(editor.email);
  // And the event's feed says it with the change.
  const feed = await (await page.request.get(`/events/${E2E_EVENT_SLUG}/feed.xml`)).text();
  expect(feed).toContain('Saved after a check of the number: 23,100 is 100 times the last report before it in this series: 231,');
});

test('without JavaScript the form asks the same, and a confirmation saves', async ({ browser }) => {
  const place = `Unusual no-JS place ${Date.now()}`;
  seedTestFigure(db, place, 230);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, editor);
  await fillNewToll(page, place, '23');
  const before = counts(db);
  await page.getByRole('button', { name: 'Add figure' }).click();
  await expect(page.getByTestId('form-status')).toContainText('Not saved yet: check the number.');
  await expect(page.getByRole('group', { name: 'Check this number' })).toContainText('23 is 10 times smaller than the last report before it in this series: 230');
  expect(counts(db)).toEqual(before);
  await expect(field(page, 'Number (best)')).toHaveValue('23');
  // The page opens at the box (autofocus), not at its top.
  await expect(page.getByRole('checkbox', { name: 'The number is right: save it anyway' })).toBeFocused();
  await page.getByRole('checkbox', { name: 'The number is right: save it anyway' }).check();
  await page.getByRole('button', { name: 'Add figure' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Figure added.' })).toBeVisible();
  expect(newest(place).value_best).toBe(23);
  await context.close();
});

test('editing a figure’s number asks the same; editing its note does not', async ({ page }) => {
  const place = `Unusual edit place ${Date.now()}`;
  seedTestFigure(db, place, 230);
  const id = seedTestFigure(db, place, 225, { reportedOn: '2022-02-02' });
  await signIn(page, editor);
  await page.goto(`/admin/figures/${id}`);
  await field(page, 'Number (best)').fill('2300');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('group', { name: 'Check this number' })).toContainText('2,300 is 10 times the last report before it in this series: 230,');
  expect(findFigure(db, id)).toMatchObject({ valueBest: 225, revision: 1 });
  await field(page, 'Number (best)').fill('225');
  await field(page, 'Note').fill('checked against the source');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  expect(findFigure(db, id)).toMatchObject({ valueBest: 225, note: 'checked against the source', revision: 2 });
});

test('an upload names the rows with an unusual number, in a dry run as after the import, as the command line does', async ({ page }) => {
  const place = `Unusual upload town ${Date.now()}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-upload-'));
  const file = path.join(dir, 'weekly.csv');
  const line = (best: string, date: string) => `${E2E_EVENT_SLUG},deaths,all,${place},exact,,${best},,people,${date},Partner NGO,Partner bulletin,,,,`;
  fs.writeFileSync(file, ['event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body,publisher,source_title,source_url,quote,note', line('12', '2022-02-03'), line('1200', '2022-02-04'), line('1250', '2022-02-05')].join('\n'));
  const named = 'line 3: 1,200 is 100 times the last report before it in this series: 12, reported 3 February 2022 by Partner NGO, published by Partner bulletin (line 2 of this file).';
  try {
    const cli = cliDryRun(file);
    expect(cli.status).toBe(0);
    expect(cli.stdout.split('\n').filter((l) => l.startsWith('line '))).toEqual([named]);

    await signIn(page, editor);
    await page.goto('/admin/import');
    const result = page.getByRole('region', { name: 'Import result' });
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByLabel(/Check only/).check();
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(result).toContainText('dry run, nothing was written');
    const list = result.getByRole('list', { name: /^Check: 1 row would be saved with a number at least 10 times larger or smaller/ });
    await expect(list.getByRole('listitem')).toHaveText([named]);

    // The import does not refuse it: the editor has been told, and the figures are written.
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByLabel(/Check only/).uncheck();
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(result).toContainText('weekly.csv: imported.');
    await expect(result.getByRole('list', { name: /^Check: 1 row has a number at least 10 times/ }).getByRole('listitem')).toHaveText([named]);
    expect(db.$client.prepare('SELECT count(*) FROM figures WHERE location = ?').pluck().get(place)).toBe(3);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
