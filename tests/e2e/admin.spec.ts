import type { Db } from '@/db/index';
import { findFigure } from '@/db/queries/figure-admin';
import { formatDate } from '@/lib/wording';
import { E2E_MARKER, counts, e2eDb, e2eEventId, newEditor, seedTestFigure, signIn, signedInPage } from './admin-support';
import { expect, test } from './fixtures';

let db: Db;
let editor: { email: string; password: string };

test.beforeAll(async () => {
  db = e2eDb();
  editor = await newEditor(db, 'editor');
  e2eEventId(db);
});
test.afterAll(() => db.$client.close());

const field = (page: import('@playwright/test').Page, label: string) => page.getByLabel(label, { exact: true });

test('an editor adds a later death toll with a new source, sees it on the public page, edits it and restores the first version', async ({ page }) => {
  await signIn(page, editor);
  await page.getByRole('link', { name: 'Add a figure' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a figure' })).toBeVisible();
  await field(page, 'Event').selectOption({ label: 'January 2022 unrest in Kazakhstan' });
  await field(page, 'Metric').selectOption({ label: 'Deaths (people)' });
  await field(page, 'Group').fill('all');
  await field(page, 'Location').fill('Kazakhstan');
  await field(page, 'Qualifier').selectOption('exact');
  await field(page, 'Number (best)').fill('238');
  await field(page, 'Unit').fill('people');
  await field(page, 'Reported on').fill('2022-12-01');
  await page.getByRole('radio', { name: 'A new source' }).check();
  await field(page, 'Reported by').fill("Prosecutor General's Office");
  await field(page, 'Publisher').fill('E2E Wire');
  await field(page, 'Published on').fill('2022-12-01');
  await field(page, 'Title').fill('Death toll of the January events revised to 238');
  await field(page, 'Web address').fill('https://example.org/news/238');
  await field(page, 'Note').fill(`<script>window.__xss = 1</script> Revised toll ${E2E_MARKER}`);
  await page.getByRole('button', { name: 'Add figure' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Figure added.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Deaths — 238$/);
  const id = Number(/\/admin\/figures\/(\d+)/.exec(page.url())?.[1]);
  expect(findFigure(db, id)).toMatchObject({ valueBest: 238, reportedOn: '2022-12-01', revision: 1, status: 'published' });

  // The public page shows it on the very next request, the note as text, not as a script.
  await page.getByRole('link', { name: "See its event's public page" }).click();
  await expect(page).toHaveURL(/\/events\/kazakhstan-2022-unrest$/);
  // The "All reports" table (the same one foundation.spec.ts reads); the marker makes the row unique.
  const row = page.getByRole('table', { name: /Every figure reported/ }).getByRole('row').filter({ hasText: E2E_MARKER });
  await expect(row).toContainText('238');
  await expect(row).toContainText('Kazakhstan');
  await expect(row).toContainText('1 December 2022');
  await expect(row).toContainText("Prosecutor General's Office");
  await expect(row).toContainText('<script>window.__xss = 1</script> Revised toll');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  // It is the new headline, and 230 moves into the timeline as a superseded report.
  const headline = page.getByRole('article').filter({ has: page.getByRole('heading', { level: 4, name: 'Deaths Kazakhstan', exact: true }) });
  await expect(headline.locator('.card-value')).toHaveText('238');
  await expect(headline).toContainText("Reported 1 December 2022 by Prosecutor General's Office");
  await expect(headline).toContainText('4 reports from 4 sources, ranging from 164 to 238; the figure above is the latest.');
  await page.getByRole('region', { name: 'Deaths as reported over time' }).getByRole('link', { name: 'Table' }).click();
  const timeline = page.getByRole('region', { name: 'Deaths as reported over time' });
  const kazakhstan = timeline.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: 'Kazakhstan', exact: true }) });
  await expect(kazakhstan).toHaveCount(4);
  await expect(kazakhstan.filter({ hasText: '230 people' })).toContainText('superseded');
  await expect(kazakhstan.filter({ hasText: '238 people' })).toContainText('latest');

  // Edit it: the history shows who changed what.
  await page.goto(`/admin/figures/${id}`);
  await field(page, 'Number (best)').fill('239');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'History (2)' })).toBeVisible();
  const edit = page.locator('.history-entry').first();
  await expect(edit).toContainText(`edited by ${editor.email}`);
  await expect(edit.getByRole('row', { name: /Number \(best\)/ })).toContainText('238');
  await expect(edit.getByRole('row', { name: /Number \(best\)/ })).toContainText('239');
  expect(findFigure(db, id)).toMatchObject({ valueBest: 239, revision: 2 });

  // The site-wide history lists the same change.
  await page.getByRole('link', { name: 'History', exact: true }).click();
  const latest = page.locator('.history-entry').first();
  await expect(latest).toContainText(`Figure #${id}`);
  await expect(latest.getByRole('row', { name: /Number \(best\)/ })).toContainText('239');

  // Restore the first version: a new revision, itself in the history.
  await page.goto(`/admin/figures/${id}`);
  await page.getByRole('button', { name: 'Restore revision 1' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Figure restored.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'History (3)' })).toBeVisible();
  await expect(page.locator('.history-entry').first()).toContainText(`restored by ${editor.email}`);
  expect(findFigure(db, id)).toMatchObject({ valueBest: 238, revision: 3 });

  // Readers see that the figure was changed here after it was first published, and when.
  // The latest change, a restoration, brought 239 back to 238: the number it was is said.
  const updated = `restored here ${formatDate(findFigure(db, id)!.updatedAt.slice(0, 10))} (revision 3; was 239)`;
  await page.goto('/events/kazakhstan-2022-unrest');
  await expect(row).toContainText(updated);
  await expect(headline.locator('.card-meta')).toContainText(updated);
  // The home page says it too, beside the toll it shows.
  await page.goto('/');
  await expect(page.locator('.event-list li').filter({ hasText: 'January 2022 unrest in Kazakhstan' })).toContainText(`238, reported 1 December 2022; ${updated}`);
  await page.goto('/events/kazakhstan-2022-unrest');
  // A figure never edited says nothing of the kind.
  await expect(page.getByRole('table', { name: /Every figure reported/ }).getByRole('row').filter({ hasText: '164' }).first()).not.toContainText(' here ');
});

test('bad values are marked beside their fields, what was typed is kept, and nothing is saved', async ({ page }) => {
  await signIn(page, editor);
  const before = counts(db);
  await page.goto('/admin/figures/new');
  await field(page, 'Metric').selectOption({ label: 'Deaths (people)' });
  await field(page, 'Event').selectOption({ label: 'End-to-end admin tests' });
  await field(page, 'Location').fill('Bad values place');
  await field(page, 'Number (best)').fill('-5');
  await field(page, 'Reported on').fill('2999-01-01');
  await page.getByRole('radio', { name: 'A new source' }).check();
  await field(page, 'Reported by').fill('Some ministry');
  await field(page, 'Published on').fill('2022-01-05');
  await field(page, 'Web address').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Add figure' }).click();

  await expect(page.getByTestId('form-status')).toContainText('Nothing was saved: correct the fields marked below.');
  await expect(page.locator('#valueBest-error')).toHaveText('"-5" is not a whole number of 0 or more; enter one like 1300.');
  await expect(page.locator('#reportedOn-error')).toHaveText('2999-01-01 is in the future; enter the date it was reported.');
  await expect(page.locator('#newSourceUrl-error')).toHaveText('Enter a web address starting with http:// or https://.');
  await expect(field(page, 'Number (best)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#valueBest-error')).toHaveAttribute('aria-live', 'polite');
  // What the editor typed is still there.
  await expect(field(page, 'Number (best)')).toHaveValue('-5');
  await expect(field(page, 'Web address')).toHaveValue('javascript:alert(1)');
  await expect(field(page, 'Location')).toHaveValue('Bad values place');
  await expect(field(page, 'Event')).toHaveValue(String(e2eEventId(db)));
  await expect(page.getByRole('radio', { name: 'A new source' })).toBeChecked();

  // A number that is not one and a range given high to low are both marked in one answer.
  await field(page, 'Number (best)').fill('12abc');
  await field(page, 'Low').fill('300');
  await field(page, 'High').fill('200');
  await field(page, 'Reported on').fill('2022-01-05');
  await field(page, 'Web address').fill('https://example.org/ok');
  await page.getByRole('button', { name: 'Add figure' }).click();
  await expect(page.locator('#valueBest-error')).toHaveText('"12abc" is not a whole number of 0 or more; enter one like 1300.');
  await expect(page.locator('#valueLow-error')).toHaveText('Low must not be greater than high.');
  await expect(page.locator('#reportedOn-error')).toHaveText('');
  await expect(field(page, 'Number (best)')).toHaveValue('12abc');

  await field(page, 'Number (best)').fill('250');
  await page.getByRole('button', { name: 'Add figure' }).click();
  await expect(page.locator('#valueLow-error')).toHaveText('Low must not be greater than high.');
  await expect(page.locator('#valueBest-error')).toHaveText('');
  await expect(field(page, 'Low')).toHaveValue('300');

  // A range given as a bound ("more than 200–300") is refused at the qualifier, the choice kept.
  await field(page, 'Low').fill('200');
  await field(page, 'High').fill('300');
  await field(page, 'Qualifier').selectOption('more_than');
  await page.getByRole('button', { name: 'Add figure' }).click();
  await expect(page.locator('#qualifier-error')).toHaveText(/^A range already gives its low and high: choose the qualifier "exact" or "about"/);
  await expect(field(page, 'Qualifier')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(page, 'Qualifier')).toHaveValue('more_than');
  await expect(page.locator('#valueLow-error')).toHaveText('');

  expect(counts(db)).toEqual(before);
});

test('two editors change the same figure: the second save is refused, shows what changed, and saving again keeps the other editor’s changes', async ({ browser }) => {
  const id = seedTestFigure(db, `Concurrent place ${Date.now()}`, 100);
  const second = await newEditor(db, 'second');
  const a = await signedInPage(browser, editor);
  const b = await signedInPage(browser, second);
  await a.goto(`/admin/figures/${id}`);
  await b.goto(`/admin/figures/${id}`);

  await field(a, 'Number (best)').fill('101');
  await field(a, 'Note').fill('A checked it');
  await field(a, 'Why this change').fill('the ministry revised its count');
  await a.getByRole('button', { name: 'Save changes' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();

  await field(b, 'Note').fill('B thinks otherwise');
  await b.getByRole('button', { name: 'Save changes' }).click();
  const status = b.locator('.admin-form').filter({ has: field(b, 'Note') }).getByTestId('form-status');
  await expect(status).toContainText('Not saved: someone else changed this figure after you opened it (you edited revision 1; it is now at revision 2).');
  await expect(status).toContainText('The form now holds their version with your edits on top; where you both changed a field, yours is kept and the field is marked');
  await expect(status.getByRole('row', { name: /Number \(best\)/ })).toContainText('100');
  await expect(status.getByRole('row', { name: /Number \(best\)/ })).toContainText('101');
  // Who changed it, when, and why.
  await expect(status.getByRole('list', { name: 'Who changed it since you opened the form' }).getByRole('listitem')).toHaveText(
    new RegExp(`^Edited by ${editor.email.replace(/[.+]/g, '\\$&')} \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\. Reason given: “the ministry revised its count”$`),
  );
  // The number B never touched now shows A's; the note both changed keeps B's, marked with A's.
  await expect(field(b, 'Number (best)')).toHaveValue('101');
  await expect(field(b, 'Note')).toHaveValue('B thinks otherwise');
  await expect(b.locator('#note-error')).toHaveText('They changed this too, to “A checked it”. Yours is kept: save again to replace theirs, or change it.');
  await expect(field(b, 'Note')).toHaveAttribute('aria-invalid', 'true');
  expect(findFigure(db, id)).toMatchObject({ valueBest: 101, note: 'A checked it', revision: 2 });
  // The page around the form is brought to the revision now stored: its header and its history
  // with A's save, without a reload, and with the form's answer still in place.
  await expect(b.getByText(/^Revision 2 ·/)).toBeVisible();
  await expect(b.getByRole('heading', { level: 2, name: 'History (2)' })).toBeVisible();
  await expect(field(b, 'Note')).toHaveValue('B thinks otherwise');
  await expect(status).toContainText('it is now at revision 2');

  // Saving again is deliberate: B's note replaces A's, and A's number stays.
  await b.getByRole('button', { name: 'Save changes' }).click();
  await expect(b.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  expect(findFigure(db, id)).toMatchObject({ valueBest: 101, note: 'B thinks otherwise', revision: 3 });
  await a.context().close();
  await b.context().close();
});

test('a save sent after the session ended keeps what was typed, says so, and goes through once signed in again', async ({ page }) => {
  const id = seedTestFigure(db, 'Session place', 3);
  await signIn(page, editor);
  await page.goto(`/admin/figures/${id}`);
  const edit = page.locator('form').filter({ has: page.getByRole('button', { name: 'Save changes' }) });
  await edit.getByLabel('Note').fill('typed before the session ended');
  // Signed out in another tab (as an expired session would be).
  const other = await page.context().newPage();
  await other.goto('/admin/figures');
  await other.getByRole('button', { name: 'Sign out' }).click();
  await expect(other).toHaveURL(/signed-out=1/);

  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('form-status').first()).toContainText('Nothing was saved: your session has ended');
  await expect(edit.getByLabel('Note')).toHaveValue('typed before the session ended');
  expect(findFigure(db, id)).toMatchObject({ revision: 1 });
  await other.close();

  // The answer's link signs in again in a new tab; this one keeps the form as it is.
  const opening = page.context().waitForEvent('page');
  await page.getByTestId('form-status').first().getByRole('link', { name: 'Sign in again in a new tab' }).click();
  const signInTab = await opening;
  await signInTab.getByLabel('E-mail address').fill(editor.email);
  await signInTab.getByLabel('Password').fill(editor.password);
  await signInTab.getByRole('button', { name: 'Sign in' }).click();
  await expect(signInTab).toHaveURL(/\/admin\/figures$/);
  await expect(edit.getByLabel('Note')).toHaveValue('typed before the session ended');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  expect(findFigure(db, id)).toMatchObject({ revision: 2, note: 'typed before the session ended' });
  await signInTab.close();
});

test('a session unused for 30 minutes ends: the save is refused with the typing kept, the sign-in page says why; a session in use goes on', async ({ page }) => {
  const id = seedTestFigure(db, 'Idle place', 4);
  const who = await newEditor(db, 'idle');
  await signIn(page, who);
  const lastSeen = () => db.$client.prepare('SELECT s.last_seen_at FROM sessions s JOIN admin_users u ON u.id = s.user_id WHERE u.email = ? AND s.revoked_at IS NULL').pluck().get(who.email) as string;
  const setLastSeen = (minutesAgo: number) =>
    db.$client.prepare('UPDATE sessions SET last_seen_at = ? WHERE user_id = (SELECT id FROM admin_users WHERE email = ?)').run(new Date(Date.now() - minutesAgo * 60_000).toISOString(), who.email);

  // Last used 29 minutes ago: the next page is served, and the use is written down.
  setLastSeen(29);
  await page.goto(`/admin/figures/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Figure #${id}:`);
  expect(Date.now() - Date.parse(lastSeen())).toBeLessThan(60_000);

  const edit = page.locator('form').filter({ has: page.getByRole('button', { name: 'Save changes' }) });
  await edit.getByLabel('Note').fill('typed before a long pause');
  setLastSeen(31);
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('form-status').first()).toContainText('it was unused for 30 minutes');
  await expect(edit.getByLabel('Note')).toHaveValue('typed before a long pause');
  expect(findFigure(db, id)).toMatchObject({ revision: 1 });

  // Any admin page now goes to sign-in, which says the session has ended, and comes back after.
  await page.goto(`/admin/figures/${id}`);
  await expect(page).toHaveURL(/\/admin\/login\?next=/);
  await expect(page.getByRole('status')).toContainText('Your session has ended: it was unused for 30 minutes');
  await page.getByLabel('E-mail address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/figures/${id}$`));
});

test('a signed-out POST to the create action changes nothing, while the same POST signed in does', async ({ page, playwright }) => {
  await signIn(page, editor);
  await page.goto('/admin/figures/new');
  await field(page, 'Event').selectOption({ label: 'End-to-end admin tests' });
  await field(page, 'Metric').selectOption({ label: 'Deaths (people)' });
  const stamp = String(Date.now());
  await field(page, 'Location').fill(`Replay A ${stamp}`);
  await field(page, 'Number (best)').fill('7');
  await field(page, 'Reported on').fill('2022-03-01');
  await field(page, 'Existing source').selectOption({ index: 1 });
  const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/admin/figures/new'));
  await page.getByRole('button', { name: 'Add figure' }).click();
  const request = await posted;
  await expect(page.getByRole('status').filter({ hasText: 'Figure added.' })).toBeVisible();

  const headers = { ...(await request.allHeaders()) };
  delete headers.cookie;
  const body = (request.postDataBuffer() ?? Buffer.alloc(0)).toString('latin1').replace(`Replay A ${stamp}`, `Replay B ${stamp}`);
  const where = `SELECT count(*) AS n FROM figures WHERE location = 'Replay B ${stamp}'`;
  const before = counts(db);

  const anonymous = await playwright.request.newContext({ baseURL: page.url() });
  const res = await anonymous.post(request.url(), { headers, data: Buffer.from(body, 'latin1'), maxRedirects: 0 });
  // The action answers that the session has ended (the form keeps what was sent), and writes nothing.
  expect(await res.text()).toContain('Nothing was saved: your session has ended');
  expect(counts(db)).toEqual(before);
  expect((db.$client.prepare(where).get() as { n: number }).n).toBe(0);
  await anonymous.dispose();

  // The same request with the editor's session cookie is a valid one: it creates the figure.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const signedIn = await playwright.request.newContext();
  await signedIn.post(request.url(), { headers: { ...headers, cookie }, data: Buffer.from(body, 'latin1'), maxRedirects: 0 });
  expect((db.$client.prepare(where).get() as { n: number }).n).toBe(1);
  await signedIn.dispose();
});

test('sign-in refuses a wrong password; the session cookie is http-only and Lax; signing out revokes the session', async ({ page, browser }) => {
  await page.goto('/admin/figures');
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.getByLabel('E-mail address').fill(editor.email);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('form-status')).toHaveText('The e-mail address or password is wrong.');
  await expect(page.getByLabel('E-mail address')).toHaveValue(editor.email);
  await expect(page.getByLabel('Password')).toHaveValue('');

  await signIn(page, editor);
  const cookie = (await page.context().cookies()).find((c) => c.name === 'admin_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/admin', secure: false });
  const res = await page.request.get('/admin/figures');
  expect(res.headers()['cache-control']).toContain('no-store');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/login\?signed-out=1$/);
  await expect(page.getByText('You are signed out.')).toBeVisible();

  // The old cookie, kept by someone, no longer signs anyone in.
  const other = await browser.newContext();
  await other.addCookies([{ ...cookie!, expires: -1 }]);
  const stolen = await other.newPage();
  await stolen.goto('/admin/figures');
  await expect(stolen).toHaveURL(/\/admin\/login$/);
  await other.close();
});

test('an editor creates and edits an event and a source, with field errors for a bad slug and URL', async ({ page }) => {
  await signIn(page, editor);
  const slug = `e2e-event-${Date.now()}`;
  await page.getByRole('link', { name: 'Events', exact: true }).click();
  await page.getByRole('link', { name: 'Add an event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add an event' })).toBeVisible();
  await field(page, 'Name').fill('E2E flood');
  await field(page, 'Slug').fill('Bad Slug!');
  await field(page, 'Country').fill('Testland');
  await field(page, 'Start date').fill('2023-05-01');
  await field(page, 'End date').fill('2023-04-01');
  await page.getByRole('button', { name: 'Add event' }).click();
  await expect(page.locator('#slug-error')).toHaveText('Use 1–100 lower-case letters, digits and single hyphens, like kazakhstan-2022-unrest.');
  await expect(page.locator('#endDate-error')).toHaveText('The end date must not be before the start date.');
  await field(page, 'Slug').fill(slug);
  await field(page, 'End date').fill('');
  await page.getByRole('button', { name: 'Add event' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Event saved.' })).toBeVisible();
  await field(page, 'Name').fill('E2E spring flood');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Event: E2E spring flood');
  await expect(page.getByRole('heading', { name: 'History (2)' })).toBeVisible();
  await page.goto(`/events/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E2E spring flood');

  await page.goto('/admin/sources/new');
  await field(page, 'Reported by').fill('E2E Ministry');
  await field(page, 'Published on').fill('2023-05-02');
  await field(page, 'Web address').fill('ftp://example.org/x');
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.locator('#url-error')).toHaveText('Enter a web address starting with http:// or https://.');
  await field(page, 'Web address').fill('https://example.org/e2e-ministry');
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Source saved.' })).toBeVisible();
  await field(page, 'Title').fill('Statement on the flood');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'History (2)' })).toBeVisible();
  await page.getByRole('link', { name: 'Sources', exact: true }).click();
  await expect(page.getByRole('row', { name: /E2E Ministry/ })).toContainText('Statement on the flood');
});

test('the figure list filters by event, metric, status and text, in the URL', async ({ page }) => {
  const id = seedTestFigure(db, `Filter place ${Date.now()}`, 55);
  await signIn(page, editor);
  await page.getByLabel('Event', { exact: true }).selectOption({ label: 'End-to-end admin tests' });
  await page.getByLabel('Search source and note').fill('E2E body for Filter place');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/event=\d+.*q=E2E\+body\+for\+Filter\+place/);
  await expect(page.locator(`tr[data-figure-id="${id}"]`)).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await page.getByLabel('Status').selectOption('retracted');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(0);

  // Retract it, then restore it.
  await page.goto(`/admin/figures/${id}`);
  await page.getByRole('button', { name: 'Retract figure' }).click();
  await expect(page.locator('#reason-error')).toHaveText('Enter why the figure is retracted.');
  await page.getByLabel('Reason for retracting').fill('Double-counted');
  await page.getByRole('button', { name: 'Retract figure' }).click();
  await expect(page.getByText('Retracted: Double-counted')).toBeVisible();
  expect(findFigure(db, id)).toMatchObject({ status: 'retracted', retractionReason: 'Double-counted' });

  // Correct the reason without publishing it again: the same reason is refused, a new one saved.
  const reason = page.getByLabel('Reason for retracting');
  await expect(reason).toHaveValue('Double-counted');
  await page.getByRole('button', { name: 'Correct the reason' }).click();
  await expect(page.locator('#reason-error')).toHaveText('This is the reason it already gives; change it, or leave it as it is.');
  await reason.fill('Double-counted with the report of 10 January');
  await page.getByRole('button', { name: 'Correct the reason' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reason corrected.' })).toBeVisible();
  await expect(page.getByText('Retracted: Double-counted with the report of 10 January')).toBeVisible();
  expect(findFigure(db, id)).toMatchObject({ status: 'retracted', retractionReason: 'Double-counted with the report of 10 January', revision: 3 });
  await page.goto(`/figures/${id}`);
  await expect(page.locator('main')).toContainText('Double-counted with the report of 10 January');

  await page.goto(`/admin/figures/${id}`);
  await page.getByRole('button', { name: 'Restore figure (publish it again)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Figure restored.' })).toBeVisible();
  expect(findFigure(db, id)).toMatchObject({ status: 'published', retractionReason: null, revision: 4 });
});

test('the history reads on a phone: a long value wraps inside its cell, nothing scrolls sideways', async ({ browser }) => {
  const id = seedTestFigure(db, `Phone place ${Date.now()}`, 12);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signIn(page, editor);
  await page.goto(`/admin/figures/${id}`);
  const long = `https://example.org/${'a-path-with-no-spaces-in-it'.repeat(5)}`;
  await page.getByLabel('Note').fill(long);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  for (const path of ['/admin/history', `/admin/figures/${id}`]) {
    await page.goto(path);
    await expect(page.locator('table.diff ins', { hasText: long }).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
  }
  await context.close();
});
