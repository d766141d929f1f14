import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '@/db/index';
import { E2E_EVENT_SLUG, cliDryRun, counts, e2eDb, e2eEventId, newEditor, signIn } from './admin-support';
import { expect, test } from './fixtures';

let db: Db;
let editor: { email: string; password: string };
test.beforeAll(async () => {
  db = e2eDb();
  editor = await newEditor(db, 'importer');
  e2eEventId(db);
});
test.afterAll(() => db.$client.close());

const FIXTURE = path.resolve('tests/fixtures/import-with-errors.csv');

/** What `npm run import -- FILE --dry-run` prints as problems for a file, against the same database. */
function cliProblems(file: string): string[] {
  const run = cliDryRun(file);
  expect(run.status).toBe(1);
  return run.stderr.split('\n').filter((l) => l.startsWith('line '));
}

test('the upload reports the same problems as the command line, and writes nothing', async ({ page }) => {
  const before = counts(db);
  await signIn(page, editor);
  await page.getByRole('link', { name: 'Import' }).click();
  await page.getByLabel('CSV file').setInputFiles(FIXTURE);
  await page.getByRole('button', { name: 'Import' }).click();
  const result = page.getByRole('region', { name: 'Import result' });
  await expect(result).toContainText('import-with-errors.csv: ');
  await expect(result).toContainText('nothing was written');
  const shown = await result.locator('ol li').allTextContents();
  const expected = cliProblems(FIXTURE);
  expect(expected.length).toBeGreaterThanOrEqual(12);
  expect(shown).toEqual(expected);
  expect(counts(db)).toEqual(before);

  // A spreadsheet's "CSV" with semicolons gets one problem that names the separator, not 16.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-upload-'));
  const semicolons = path.join(dir, 'semicolons.csv');
  fs.writeFileSync(semicolons, [
    'event_slug;metric;group;location;qualifier;value_low;value_best;value_high;unit;reported_on;reporting_body;publisher;source_title;source_url;quote;note',
    `${E2E_EVENT_SLUG};injured;all;Semicolon town;about;;40;;people;2022-02-03;Partner NGO;;;;;`,
  ].join('\n'));
  try {
    await page.getByLabel('CSV file').setInputFiles(semicolons);
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(result).toContainText('semicolons.csv: ');
    expect(await result.locator('ol li').allTextContents()).toEqual([
      'line 1: the columns are separated by semicolons (;), not commas; save the file as CSV with commas (in Excel: Save As, "CSV UTF-8 (Comma delimited)") and import it again.',
    ]);
    expect(counts(db)).toEqual(before);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a good file is imported once, audited as the editor’s import, and a second upload changes nothing', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-upload-'));
  const file = path.join(dir, 'partner-figures.csv');
  fs.writeFileSync(
    file,
    [
      'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body,publisher,source_title,source_url,quote,note',
      `${E2E_EVENT_SLUG},injured,all,Upload town,about,,40,,people,2022-02-03,Partner NGO,Partner bulletin,"Weekly report, issue 5",https://example.org/weekly/5,,from an upload`,
      `${E2E_EVENT_SLUG},detained,all,Upload town,exact,,12,,people,2022-02-03,Partner NGO,Partner bulletin,"Weekly report, issue 5",https://example.org/weekly/5,,`,
    ].join('\n'),
  );
  try {
    await signIn(page, editor);
    await page.goto('/admin/import');
    const result = page.getByRole('region', { name: 'Import result' });

    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByLabel(/Check only/).check();
    await page.getByRole('button', { name: 'Import' }).click();
    // The bulletin is a new source: named, so a typo in it would be seen before anything is written.
    await expect(result).toContainText('2 rows read, 2 would be created, 0 would be updated, 0 unchanged, 0 rejected; 1 new source would be created: Partner NGO, Partner bulletin, “Weekly report, issue 5”, 3 February 2022.');
    await expect(result).toContainText('dry run, nothing was written');
    expect(db.$client.prepare("SELECT count(*) AS n FROM figures WHERE location = 'Upload town'").get()).toEqual({ n: 0 });

    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByLabel(/Check only/).uncheck();
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(result).toContainText('partner-figures.csv: imported.');
    await expect(result).toContainText('2 rows read, 2 created, 0 updated, 0 unchanged, 0 rejected; 1 new source created: Partner NGO, Partner bulletin, “Weekly report, issue 5”, 3 February 2022.');
    const audit = db.$client
      .prepare("SELECT a.actor, a.user_id AS userId FROM audit_entries a JOIN figures f ON f.id = a.entity_id WHERE a.entity_type = 'figure' AND f.location = 'Upload town'")
      .all() as Array<{ actor: string; userId: number | null }>;
    expect(audit).toHaveLength(2);
    for (const a of audit) expect(a.actor).toBe(`import: partner-figures.csv by ${editor.email}`);

    const before = counts(db);
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(result).toContainText('2 rows read, 0 created, 0 updated, 2 unchanged, 0 rejected.');
    expect(counts(db)).toEqual(before);

    await page.goto(`/events/${E2E_EVENT_SLUG}`);
    await expect(page.getByRole('region', { name: /All reports/ })).toContainText('from an upload');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an upload posted without the session cookie is refused and imports nothing; with it, the same post imports', async ({ browser, playwright }) => {
  // The form as a browser without JavaScript posts it: its hidden action fields plus the file.
  const signingIn = await browser.newContext();
  await signIn(await signingIn.newPage(), editor);
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies(await signingIn.cookies());
  await signingIn.close();
  const page = await context.newPage();
  await page.goto('/admin/import');
  const hidden = await page.locator('form:has(input[type=file]) input[type=hidden]').evaluateAll((inputs) =>
    Object.fromEntries(inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value])),
  );
  expect(Object.keys(hidden).some((name) => name.startsWith('$ACTION'))).toBe(true);
  const stamp = String(Date.now());
  const upload = (location: string) => ({
    ...hidden,
    file: {
      name: 'replay.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body\n${E2E_EVENT_SLUG},deaths,all,${location},exact,,3,,people,2022-02-04,Partner NGO\n`,
      ),
    },
  });
  const imported = (location: string) => (db.$client.prepare('SELECT count(*) AS n FROM figures WHERE location = ?').get(location) as { n: number }).n;

  const before = counts(db);
  const anonymous = await playwright.request.newContext({ baseURL: page.url() });
  const res = await anonymous.post('/admin/import', { multipart: upload(`Replay A ${stamp}`), maxRedirects: 0 });
  expect(res.headers().location ?? res.headers()['x-action-redirect'] ?? '', `status ${res.status()}`).toContain('/admin/login');
  await anonymous.dispose();
  expect(counts(db)).toEqual(before);
  expect(imported(`Replay A ${stamp}`)).toBe(0);

  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const signedIn = await playwright.request.newContext({ baseURL: page.url() });
  const ok = await signedIn.post('/admin/import', { multipart: upload(`Replay B ${stamp}`), headers: { cookie }, maxRedirects: 0 });
  expect(ok.status()).toBeLessThan(400);
  expect(imported(`Replay B ${stamp}`)).toBe(1);
  await signedIn.dispose();
  await context.close();
});

test('an import can say why: a reason the forms would refuse is marked and kept, and nothing is written; a good one is in each figure’s public history', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-upload-'));
  const file = path.join(dir, 'bulletin.csv');
  const header = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body,publisher';
  const write = (value: number) => fs.writeFileSync(file, `${header}\n${E2E_EVENT_SLUG},injured,all,Reason town,exact,,${value},,people,2022-02-04,Partner NGO,Partner bulletin\n`);
  try {
    await signIn(page, editor);
    await page.goto('/admin/import');
    const result = page.getByRole('region', { name: 'Import result' });
    const why = page.getByLabel('Why this import');
    const before = counts(db);
    write(30);
    await page.getByLabel('CSV file').setInputFiles(file);
    await why.fill('x'.repeat(501));
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(result).toContainText('Nothing was imported.');
    await expect(page.locator('#import-reason-error')).toHaveText('Use at most 500 characters (this has 501).');
    await expect(why).toHaveAttribute('aria-invalid', 'true');
    await expect(why).toHaveValue('x'.repeat(501));
    expect(counts(db)).toEqual(before);

    await page.getByLabel('CSV file').setInputFiles(file);
    await why.fill('Partner bulletin, issue 1');
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(result).toContainText('bulletin.csv: imported.');
    await expect(why).toHaveValue('');
    const { id } = db.$client.prepare("SELECT id FROM figures WHERE location = 'Reason town'").get() as { id: number };

    // The next issue corrects the number: the import updates the figure, and says why.
    write(31);
    await page.getByLabel('CSV file').setInputFiles(file);
    await why.fill('Corrected in issue 2');
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(result).toContainText('1 updated');

    await page.goto(`/figures/${id}`);
    await expect(page.getByRole('note')).toContainText('(revision 2; the reason given: “Corrected in issue 2”); its number was 30 people');
    const history = page.getByRole('region', { name: 'History on this site' }).locator('.history-entry');
    await expect(history.nth(0).locator('.change-reason')).toHaveText('Reason given: Corrected in issue 2');
    await expect(history.nth(1).locator('.change-reason')).toHaveText('Reason given: Partner bulletin, issue 1');
    await expect(page.locator('body')).not.toContainText(editor.email);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('files are taken up to 20 MB: a larger one is refused before it is sent or, without JavaScript, when it arrives, never kept; other forms’ bodies are held to 2 MB', async ({ page, browser, playwright }) => {
  const before = counts(db);
  const HEADER = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body,note';
  const tooLarge = { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.alloc(21 * 1024 * 1024, 'a') };
  const message = 'The file is larger than 20 MB; import it with npm run import instead.';
  await signIn(page, editor);
  await page.goto('/admin/import');
  // With JavaScript: said as soon as it is chosen, and the form is not sent.
  const uploads: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && uploads.push(r.url()));
  await page.getByLabel('CSV file').setInputFiles(tooLarge);
  await expect(page.locator('#import-file-error')).toHaveText(message);
  await expect(page.getByLabel('CSV file')).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('region', { name: 'Import result' })).toBeEmpty();
  expect(uploads).toEqual([]);

  // An 11 MB file (over the 10 MB Next keeps of a body by default, which gave a bare 500) is read
  // and answered: its one row's note is too long.
  await page.getByLabel('CSV file').setInputFiles({ name: 'eleven.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n${E2E_EVENT_SLUG},deaths,all,Big town,exact,,3,,people,2022-02-04,Partner NGO,${'n'.repeat(11 * 1024 * 1024)}\n`) });
  await expect(page.locator('#import-file-error')).toBeEmpty();
  await page.getByRole('button', { name: 'Import' }).click();
  const result = page.getByRole('region', { name: 'Import result' });
  await expect(result).toContainText('eleven.csv: 1 problem: nothing was written.', { timeout: 30_000 });
  await expect(result.locator('ol li')).toHaveText(['line 2, column note: Use at most 2,000 characters (this has 11,534,336).']);

  // A file of many bad rows lists its first 200 problems, and says how many there are.
  const bad = Array.from({ length: 250 }, (_, i) => `${E2E_EVENT_SLUG},deaths,all,Town ${i},exact,,x,,people,2022-02-04,Partner NGO,`);
  await page.getByLabel('CSV file').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...bad].join('\n')) });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(result).toContainText('many.csv: 250 problems: nothing was written. The first 200 are listed;');
  await expect(result.locator('ol li')).toHaveCount(200);
  await expect(result.locator('ol li').first()).toHaveText('line 2, column value_best: "x" is not a whole number of 0 or more; enter one like 1300.');

  // A header with no rows under it says so (it was "imported: 0 rows read").
  await page.getByLabel('CSV file').setInputFiles({ name: 'header-only.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n`) });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(result.locator('ol li')).toHaveText(['line 2: the file has its header but no figures under it; nothing was imported.']);

  // Without JavaScript the file is sent; the server throws it away as it arrives (scripts/serve.ts,
  // before Next) and sends the page back saying why.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  await noJs.addCookies(await page.context().cookies());
  const plain = await noJs.newPage();
  await plain.goto('/admin/import');
  await plain.getByLabel('CSV file').setInputFiles(tooLarge);
  await plain.getByRole('button', { name: 'Import' }).click();
  await expect(plain).toHaveURL(/\/admin\/import\?too-large=1$/);
  await expect(plain.locator('#import-file-error')).toHaveText(message);
  await noJs.close();

  // Any other form's body over 2 MB is refused before Next keeps any of it: the sign-in form
  // here. An upload over 2 MB is taken only from a signed-in editor: without a session, it is
  // sent to sign in.
  const api = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const big = await api.post('/admin/login', { multipart: { email: 'a@example.org', password: 'x'.repeat(3 * 1024 * 1024) }, maxRedirects: 0 });
  expect(big.status()).toBe(413);
  const anonymous = await api.post('/admin/import', { multipart: { file: { name: 'five.csv', mimeType: 'text/csv', buffer: Buffer.alloc(5 * 1024 * 1024, 'a') } }, maxRedirects: 0 });
  expect([anonymous.status(), anonymous.headers().location]).toEqual([303, '/admin/login?next=%2Fadmin%2Fimport']);
  await api.dispose();
  expect(counts(db)).toEqual(before);
});
