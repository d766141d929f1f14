import type { Db } from '@/db/index';
import { createSource } from '@/db/queries/catalog-admin';
import { e2eDb, newEditor, signIn, signedInPage } from './admin-support';
import { expect, test } from './fixtures';

let db: Db;
let editor: { email: string; password: string };
test.beforeAll(async () => {
  db = e2eDb();
  editor = await newEditor(db, 'sources');
});
test.afterAll(() => db.$client.close());

test('an unused source can be removed with a reason, kept in the history; a cited one cannot', async ({ page }) => {
  const stamp = String(Date.now());
  const unused = createSource(db, { reportingBody: `Mistyped body ${stamp}`, publisher: '', title: '', url: '', publishedOn: '2022-01-02', fullText: '' }, { userId: null, label: 'e2e setup' });
  await signIn(page, editor);

  await page.goto(`/admin/sources/${unused.id}`);
  await page.getByRole('button', { name: 'Remove source' }).click();
  await expect(page.getByText('Enter why the source is removed.')).toBeVisible();
  expect(db.$client.prepare('SELECT count(*) AS n FROM sources WHERE id = ?').get(unused.id)).toEqual({ n: 1 });

  await page.getByLabel('Reason for removing').fill('entered twice by mistake');
  await page.getByRole('button', { name: 'Remove source' }).click();
  await expect(page).toHaveURL(/\/admin\/sources\?removed=1$/);
  await expect(page.getByRole('status')).toContainText('Source removed');
  expect(db.$client.prepare('SELECT count(*) AS n FROM sources WHERE id = ?').get(unused.id)).toEqual({ n: 0 });
  await page.getByRole('link', { name: 'History', exact: true }).click();
  const entry = page.locator('.history-entry').first();
  await expect(entry.getByRole('heading')).toContainText(`Source #${unused.id} removed by ${editor.email}`);
  await expect(entry.getByRole('row', { name: /Reason/ })).toContainText('entered twice by mistake');
  await expect(entry.getByRole('row', { name: /Reported by/ })).toContainText(`Mistyped body ${stamp}`);
  // The source has no page any more, so the entry does not link to one.
  await expect(entry.getByRole('link', { name: `Source #${unused.id}` })).toHaveCount(0);
  expect(db.$client.prepare("SELECT action FROM audit_entries WHERE entity_type = 'source' AND entity_id = ? ORDER BY id DESC").pluck().get(unused.id)).toBe('remove');
  await page.getByRole('link', { name: 'sources', exact: true }).click();
  await expect(page.locator('.history-entry').first().getByRole('heading')).toContainText(`Source #${unused.id} removed by`);

  const cited = (db.$client.prepare('SELECT source_id AS id, count(*) AS n FROM figures GROUP BY source_id ORDER BY n DESC LIMIT 1').get() as { id: number; n: number });
  await page.goto(`/admin/sources/${cited.id}`);
  await expect(page.getByText(`${cited.n} figures cite this source, so it cannot be removed`)).toContainText('retracted ones included');
  await expect(page.getByRole('button', { name: 'Remove source' })).toHaveCount(0);
});

test('two editors change the same source: the second save is refused, lists the first editor’s change and keeps it, and saving again keeps both', async ({ browser }) => {
  const stamp = String(Date.now());
  const source = createSource(db, { reportingBody: `Shared body ${stamp}`, publisher: 'Wire', title: '', url: '', publishedOn: '2022-01-03', fullText: '' }, { userId: null, label: 'e2e setup' });
  const second = await newEditor(db, 'sources-second');
  const a = await signedInPage(browser, editor);
  const b = await signedInPage(browser, second);
  await a.goto(`/admin/sources/${source.id}`);
  await b.goto(`/admin/sources/${source.id}`);

  await a.getByLabel('Title', { exact: true }).fill('What happened on 3 January');
  await a.getByRole('button', { name: 'Save changes' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Source saved.' })).toBeVisible();

  await b.getByLabel('Publisher', { exact: true }).fill('Wire Media');
  await b.getByRole('button', { name: 'Save changes' }).click();
  const status = b.locator('.admin-form').filter({ has: b.getByLabel('Publisher', { exact: true }) }).getByTestId('form-status');
  await expect(status).toContainText('Not saved: someone else changed this source after you opened it.');
  await expect(status.getByRole('row', { name: /Title/ })).toContainText('What happened on 3 January');
  // A's title is in B's form now, with B's publisher; the page's history shows A's save.
  await expect(b.getByLabel('Title', { exact: true })).toHaveValue('What happened on 3 January');
  await expect(b.getByLabel('Publisher', { exact: true })).toHaveValue('Wire Media');
  await expect(b.getByRole('heading', { level: 2, name: 'History (2)' })).toBeVisible();
  expect(db.$client.prepare('SELECT title, publisher FROM sources WHERE id = ?').get(source.id)).toEqual({ title: 'What happened on 3 January', publisher: 'Wire' });

  await b.getByRole('button', { name: 'Save changes' }).click();
  await expect(b.getByRole('status').filter({ hasText: 'Source saved.' })).toBeVisible();
  expect(db.$client.prepare('SELECT title, publisher FROM sources WHERE id = ?').get(source.id)).toEqual({ title: 'What happened on 3 January', publisher: 'Wire Media' });
  await a.context().close();
  await b.context().close();
});
