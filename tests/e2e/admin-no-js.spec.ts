import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { Db } from '@/db/index';
import { createSource, findSourceById, updateSource } from '@/db/queries/catalog-admin';
import { findFigure } from '@/db/queries/figure-admin';
import { updateFigure } from '@/db/queries/figure-writes';
import { E2E_EVENT_SLUG, counts, e2eDb, e2eEventId, newEditor, seedTestFigure } from './admin-support';
import { expect, test } from './fixtures';

/**
 * The admin forms with JavaScript off: each posts to the server, which runs the same action and
 * draws the page with its answer (the errors beside the fields, what was typed kept), or
 * redirects after a save. No form may be left with React's `javascript:` placeholder action.
 */
let db: Db;
let editor: { email: string; password: string };
test.beforeAll(async () => {
  db = e2eDb();
  editor = await newEditor(db, 'no-js');
  e2eEventId(db);
});
test.afterAll(() => db.$client.close());

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

async function noScriptPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

/**
 * Every form on the page goes to the server (a POST to an action, or a GET like the figure
 * list's filters): none has the placeholder React gives an action that exists only in the browser.
 */
async function expectFormsPost(page: Page): Promise<void> {
  const forms = page.locator('form');
  expect(await forms.count()).toBeGreaterThan(0);
  await expect(page.locator('form[action^="javascript:"]')).toHaveCount(0);
  for (const form of await forms.all()) await expect(form).toHaveAttribute('method', /^(post|get)$/i);
  await expect(page.locator('form[method="post" i]').first()).toBeAttached();
}

async function signInWithoutScript(page: Page): Promise<void> {
  await page.goto('/admin/login');
  await field(page, 'E-mail address').fill(editor.email);
  await field(page, 'Password').fill(editor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/figures$/);
}

test('signing in without JavaScript: a wrong password is refused with the e-mail kept, the right one signs in, and signing out works', async ({ browser }) => {
  const page = await noScriptPage(browser);
  await page.goto('/admin/login');
  await expectFormsPost(page);
  await field(page, 'E-mail address').fill(editor.email);
  await field(page, 'Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('form-status')).toHaveText('The e-mail address or password is wrong.');
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(field(page, 'E-mail address')).toHaveValue(editor.email);
  await expect(field(page, 'Password')).toHaveValue('');
  expect(await page.content()).not.toContain('not the password at all');
  await expectFormsPost(page);

  // A second refusal (an empty password), from the page the first one drew.
  await field(page, 'Password').fill('');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('form-status')).toContainText('Enter your e-mail address and password.');
  await expect(page.locator('#password-error')).not.toHaveText('');
  await expect(field(page, 'E-mail address')).toHaveValue(editor.email);

  await field(page, 'Password').fill(editor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/figures$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Figures' })).toBeVisible();
  await expectFormsPost(page);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/login\?signed-out=1$/);
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await page.goto('/admin/figures');
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.context().close();
});

test('adding, editing, retracting and restoring a figure without JavaScript: errors beside the fields with everything typed kept, then saved', async ({ browser }) => {
  const page = await noScriptPage(browser);
  await signInWithoutScript(page);
  const location = `No-script town ${Date.now()}`;
  const before = counts(db);

  await page.goto('/admin/figures/new');
  await expectFormsPost(page);
  await field(page, 'Event').selectOption({ label: 'End-to-end admin tests' });
  await field(page, 'Metric').selectOption({ label: 'Deaths (people)' });
  await field(page, 'Location').fill(location);
  await field(page, 'Qualifier').selectOption('about');
  await field(page, 'Number (best)').fill('-5');
  await field(page, 'Reported on').fill('2022-02-03');
  await page.getByRole('radio', { name: 'A new source' }).check();
  await field(page, 'Reported by').fill('No-script ministry');
  await field(page, 'Published on').fill('2022-02-03');
  await field(page, 'Web address').fill('javascript:alert(1)');
  await field(page, 'Note').fill('typed without scripts');
  await page.getByRole('button', { name: 'Add figure' }).click();

  // The server's answer, drawn by the server: nothing saved, each error beside its field.
  await expect(page).toHaveURL(/\/admin\/figures\/new$/);
  await expect(page.getByTestId('form-status')).toContainText('Nothing was saved: correct the fields marked below.');
  await expect(page.locator('#valueBest-error')).toHaveText('"-5" is not a whole number of 0 or more; enter one like 1300.');
  await expect(page.locator('#newSourceUrl-error')).toHaveText('Enter a web address starting with http:// or https://.');
  await expect(page.locator('#reportedOn-error')).toHaveText('');
  await expect(field(page, 'Number (best)')).toHaveAttribute('aria-invalid', 'true');
  // Everything typed and chosen is still there: text, selects and the radio button.
  await expect(field(page, 'Number (best)')).toHaveValue('-5');
  await expect(field(page, 'Location')).toHaveValue(location);
  await expect(field(page, 'Web address')).toHaveValue('javascript:alert(1)');
  await expect(field(page, 'Note')).toHaveValue('typed without scripts');
  await expect(field(page, 'Event')).toHaveValue(String(e2eEventId(db)));
  await expect(field(page, 'Qualifier')).toHaveValue('about');
  await expect(page.getByRole('radio', { name: 'A new source' })).toBeChecked();
  expect(counts(db)).toEqual(before);
  await expectFormsPost(page);

  // Corrected: saved, and the browser is sent to the figure's page.
  await field(page, 'Number (best)').fill('77');
  await field(page, 'Web address').fill('https://example.org/no-script');
  await page.getByRole('button', { name: 'Add figure' }).click();
  await expect(page).toHaveURL(/\/admin\/figures\/\d+\?saved=created$/);
  await expect(page.getByRole('status').filter({ hasText: 'Figure added.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Deaths — about 77$/);
  const id = Number(/\/admin\/figures\/(\d+)/.exec(page.url())?.[1]);
  expect(findFigure(db, id)).toMatchObject({ location, valueBest: 77, qualifier: 'about', note: 'typed without scripts', revision: 1, status: 'published' });
  await expectFormsPost(page);

  // The edit form: a bad date refused with the edit kept, then saved.
  await field(page, 'Number (best)').fill('78');
  await field(page, 'Reported on').fill('3 February');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#reportedOn-error')).not.toHaveText('');
  await expect(field(page, 'Number (best)')).toHaveValue('78');
  await expect(field(page, 'Reported on')).toHaveValue('3 February');
  expect(findFigure(db, id)).toMatchObject({ valueBest: 77, revision: 1 });
  await field(page, 'Reported on').fill('2022-02-04');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/figures/${id}\\?saved=updated$`));
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  expect(findFigure(db, id)).toMatchObject({ valueBest: 78, reportedOn: '2022-02-04', revision: 2 });

  // Retract without a reason (refused), with one (done), then restore.
  await page.getByRole('button', { name: 'Retract figure' }).click();
  await expect(page.locator('#reason-error')).not.toHaveText('');
  // The page drawn for the refusal is at the address of the save before it: its "saved" is not shown.
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toHaveCount(0);
  expect(findFigure(db, id)).toMatchObject({ status: 'published', revision: 2 });
  await field(page, 'Reason for retracting').fill('counted twice');
  await page.getByRole('button', { name: 'Retract figure' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Figure retracted.' })).toBeVisible();
  expect(findFigure(db, id)).toMatchObject({ status: 'retracted', retractionReason: 'counted twice', revision: 3 });
  await page.getByRole('button', { name: 'Restore figure (publish it again)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Figure restored.' })).toBeVisible();
  expect(findFigure(db, id)).toMatchObject({ status: 'published', revision: 4 });
  await page.context().close();
});

// The refused edit asks Next to refresh the page (refresh(), for the browser's router): posted
// without JavaScript, that must neither fail nor lose the answer the page is drawn with.
test('a save refused as stale without JavaScript: the page shows the revision now stored, with the edit kept on top of it', async ({ browser }) => {
  const id = seedTestFigure(db, `No-script stale place ${Date.now()}`, 50);
  const page = await noScriptPage(browser);
  await signInWithoutScript(page);
  await page.goto(`/admin/figures/${id}`);
  await expect(page.getByText(/^Revision 1 ·/)).toBeVisible();
  // Another editor saves first (on the admin form's write path).
  const figure = findFigure(db, id)!;
  const theirs = { ...figure, quote: figure.quote ?? '', note: 'their note', source: { kind: 'existing' as const, id: figure.sourceId } };
  expect(updateFigure(db, id, 1, theirs, { userId: null, label: 'another editor' }).status).toBe('saved');

  await field(page, 'Number (best)').fill('51');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('form-status').first()).toContainText('(you edited revision 1; it is now at revision 2)');
  await expect(page.getByText(/^Revision 2 ·/)).toBeVisible();
  await expect(field(page, 'Number (best)')).toHaveValue('51');
  await expect(field(page, 'Note')).toHaveValue('their note');
  expect(findFigure(db, id)).toMatchObject({ valueBest: 50, note: 'their note', revision: 2 });
  await expectFormsPost(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/figures/${id}\\?saved=updated$`));
  expect(findFigure(db, id)).toMatchObject({ valueBest: 51, note: 'their note', revision: 3 });
  await page.context().close();
});

// The retract form is not keyed by revision from outside: the page drawn at the revision saved
// meanwhile must be given the refusal, or the editor sees the page again with no word and no reason.
test('a retraction refused as stale without JavaScript: the refusal is shown with the reason kept, then retracting again works', async ({ browser }) => {
  const id = seedTestFigure(db, `No-script stale retraction ${Date.now()}`, 60);
  const page = await noScriptPage(browser);
  await signInWithoutScript(page);
  await page.goto(`/admin/figures/${id}`);
  const figure = findFigure(db, id)!;
  expect(updateFigure(db, id, 1, { ...figure, quote: '', note: 'their note', source: { kind: 'existing' as const, id: figure.sourceId } }, { userId: null, label: 'another editor' }).status).toBe('saved');

  await field(page, 'Reason for retracting').fill('double counted');
  await page.getByRole('button', { name: 'Retract figure' }).click();
  const refusal = page.getByTestId('form-status').filter({ hasText: 'Not saved: someone else changed this figure' });
  await expect(refusal).toContainText('what you typed is still in the form: review them, then retract it again if it still should be.');
  // The answer is a new page, which opens at the refusal (far down it), not at its top.
  await expect(refusal).toBeFocused();
  await expect(refusal).toBeInViewport();
  await expect(page.getByRole('heading', { level: 1 })).not.toBeInViewport();
  await expect(page.getByText(/^Revision 2 ·/)).toBeVisible();
  await expect(field(page, 'Reason for retracting')).toHaveValue('double counted');
  expect(findFigure(db, id)).toMatchObject({ status: 'published', revision: 2 });

  await page.getByRole('button', { name: 'Retract figure' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/figures/${id}\\?saved=retracted$`));
  expect(findFigure(db, id)).toMatchObject({ status: 'retracted', retractionReason: 'double counted', revision: 3 });
  await page.context().close();
});

test('adding a source without JavaScript: a missing field is refused with what was typed kept, then saved', async ({ browser }) => {
  const page = await noScriptPage(browser);
  await signInWithoutScript(page);
  const body = `No-script source body ${Date.now()}`;
  const before = counts(db);
  await page.goto('/admin/sources/new');
  await field(page, 'Publisher').fill('No-script wire');
  await field(page, 'Published on').fill('2022-02-05');
  await field(page, 'Full text').fill('The whole statement.');
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.locator('#reportingBody-error')).not.toHaveText('');
  await expect(field(page, 'Publisher')).toHaveValue('No-script wire');
  await expect(field(page, 'Full text')).toHaveValue('The whole statement.');
  expect(counts(db)).toEqual(before);

  await field(page, 'Reported by').fill(body);
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page).toHaveURL(/\/admin\/sources\/\d+\?saved=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'Source saved.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(body);
  expect(db.$client.prepare('SELECT publisher, published_on AS publishedOn FROM sources WHERE reporting_body = ?').get(body)).toEqual({ publisher: 'No-script wire', publishedOn: '2022-02-05' });
  await page.context().close();
});

// The source form is not keyed by its version from outside: the page drawn at the version saved
// meanwhile must be given the refusal, with the other editor's change merged under the typing.
test('a source edit refused as stale without JavaScript: their change is listed and kept in the form, then saving again keeps both', async ({ browser }) => {
  const stamp = String(Date.now());
  const source = createSource(db, { reportingBody: `No-script shared body ${stamp}`, publisher: 'Wire', title: '', url: '', publishedOn: '2022-01-04', fullText: '' }, { userId: null, label: 'e2e setup' });
  const page = await noScriptPage(browser);
  await signInWithoutScript(page);
  await page.goto(`/admin/sources/${source.id}`);
  const opened = findSourceById(db, source.id)!;
  expect(updateSource(db, source.id, opened.updatedAt, { reportingBody: opened.reportingBody, publisher: 'Wire', title: 'Their title', url: '', publishedOn: '2022-01-04', fullText: '' }, { userId: null, label: 'another editor' }).status).toBe('saved');

  await field(page, 'Publisher').fill('Wire Media');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('form-status').first()).toContainText('Not saved: someone else changed this source after you opened it.');
  await expect(field(page, 'Title')).toHaveValue('Their title');
  await expect(field(page, 'Publisher')).toHaveValue('Wire Media');
  expect(findSourceById(db, source.id)).toMatchObject({ title: 'Their title', publisher: 'Wire' });
  await expectFormsPost(page);

  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/sources/${source.id}\\?saved=1$`));
  expect(findSourceById(db, source.id)).toMatchObject({ title: 'Their title', publisher: 'Wire Media' });
  await page.context().close();
});

test('importing a CSV file without JavaScript: the upload is read and the result shown', async ({ browser }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-no-js-upload-'));
  const file = path.join(dir, 'no-script.csv');
  fs.writeFileSync(file, [
    'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body',
    `${E2E_EVENT_SLUG},injured,all,No-script upload town,exact,,9,,people,2022-02-06,No-script NGO`,
  ].join('\n'));
  const page = await noScriptPage(browser);
  try {
    await signInWithoutScript(page);
    await page.goto('/admin/import');
    await expectFormsPost(page);
    const result = page.getByRole('region', { name: 'Import result' });
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByLabel(/Check only/).check();
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(result).toContainText('no-script.csv: checked; dry run, nothing was written.');
    await expect(result).toContainText('1 row read, 1 would be created');
    expect(db.$client.prepare("SELECT count(*) AS n FROM figures WHERE location = 'No-script upload town'").get()).toEqual({ n: 0 });

    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(result).toContainText('no-script.csv: imported.');
    expect(db.$client.prepare("SELECT count(*) AS n FROM figures WHERE location = 'No-script upload town'").get()).toEqual({ n: 1 });
  } finally {
    await page.context().close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('without JavaScript, an admin page for an id that does not exist says so to an editor; anyone else is sent to sign in', async ({ browser }) => {
  const page = await noScriptPage(browser);
  for (const path of ['/admin/figures/999999', '/admin/sources/999999', '/admin/events/999999', '/admin/figures/abc']) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/admin\/login\?/);
  }
  await signInWithoutScript(page);
  for (const path of ['/admin/figures/999999', '/admin/sources/999999', '/admin/events/999999', '/admin/figures/abc']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' }), path).toBeVisible();
  }
  // Pages that are there still are, the forms for new ones included.
  for (const path of ['/admin/figures/new', '/admin/sources/new', '/admin/events/new', `/admin/figures/${seedTestFigure(db, 'No-JS page place', 2)}`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
  }
  await page.context().close();
});

test('without JavaScript, a save sent after the session ended goes to sign in, which says why, and comes back to the page with what was typed', async ({ browser }) => {
  const id = seedTestFigure(db, 'No-JS idle place', 5);
  const page = await noScriptPage(browser);
  await signInWithoutScript(page);
  await page.goto(`/admin/figures/${id}`);
  const edit = page.locator('form').filter({ has: page.getByRole('button', { name: 'Save changes' }) });
  await edit.getByLabel('Note').fill('typed before a long pause');
  await edit.getByLabel('Number (best)').fill('6');
  // Unused for 31 minutes.
  db.$client.prepare('UPDATE sessions SET last_seen_at = ? WHERE user_id = (SELECT id FROM admin_users WHERE email = ?)').run(new Date(Date.now() - 31 * 60_000).toISOString(), editor.email);
  const answers: number[] = [];
  page.on('response', (r) => answers.push(r.status()));
  await edit.getByRole('button', { name: 'Save changes' }).click();
  // A 303 from the action (a 307 would repeat the POST at the sign-in page: "Server Action unavailable").
  await expect(page).toHaveURL(new RegExp(`/admin/login\\?next=%2Fadmin%2Ffigures%2F${id}&kept=1$`));
  expect(answers).toContain(303);
  expect(answers).not.toContain(409);
  const notices = page.getByRole('status');
  await expect(notices.filter({ hasText: 'Your session has ended: it was unused for 30 minutes' })).toHaveCount(1);
  await expect(notices.filter({ hasText: 'Nothing was saved, but what you typed was kept' })).toHaveCount(1);
  expect(findFigure(db, id)).toMatchObject({ revision: 1 });
  await field(page, 'E-mail address').fill(editor.email);
  await field(page, 'Password').fill(editor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/figures/${id}$`));
  // Back in the form it was typed in, and said so; nothing saved until it is sent again.
  await expect(edit.getByLabel('Note')).toHaveValue('typed before a long pause');
  await expect(edit.getByLabel('Number (best)')).toHaveValue('6');
  await expect(page.getByText('Nothing was saved yet: your session had ended when you sent this form.')).toBeVisible();
  await expect(page.getByLabel('Reason for retracting')).toHaveValue('');
  expect(findFigure(db, id)).toMatchObject({ revision: 1 });
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/figures/${id}\\?saved=updated$`));
  expect(findFigure(db, id)).toMatchObject({ revision: 2, valueBest: 6, note: 'typed before a long pause' });
  // Put back once: the page drawn again has the figure as saved, and no such message.
  await page.goto(`/admin/figures/${id}`);
  await expect(page.getByText('Nothing was saved yet')).toHaveCount(0);
  await page.context().close();
});
