import type { Db } from '@/db/index';
import { recordLoginFailure } from '@/db/queries/login-attempts';
import { CLIENT_ADDRESS_HEADER } from '@/lib/auth/client-address';
import { DEVICE_COOKIE } from '@/lib/auth/device-cookie';
import { SESSION_COOKIE } from '@/lib/auth/session-token';
import { SIGN_OUT_BUSY_MESSAGE } from '@/lib/database-busy';
import { e2eDb, newEditor, signIn } from './admin-support';
import { expect, test } from './fixtures';

let db: Db;

test.beforeAll(() => {
  db = e2eDb();
});
test.afterAll(() => db.$client.close());

const addressFailures = (key: string) =>
  (db.$client.prepare("SELECT failures FROM login_attempts WHERE scope = 'address' AND key = ?").pluck().get(key) as number | undefined) ?? 0;

test('a failed sign-in is counted under the connection\'s address, not one the browser claims in a header', async ({ page }) => {
  // The server under test trusts no proxy (TRUST_PROXY is not set); the browser connects from 127.0.0.1.
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': '192.0.2.77', 'X-Real-IP': '192.0.2.78', [CLIENT_ADDRESS_HEADER]: '192.0.2.79' });
  const before = addressFailures('127.0.0.1');
  await page.goto('/admin/login');
  await page.getByLabel('E-mail address').fill(`nobody-${Date.now()}@example.org`);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('form-status')).toHaveText('The e-mail address or password is wrong.');
  expect(addressFailures('127.0.0.1')).toBe(before + 1);
  for (const spoofed of ['192.0.2.77', '192.0.2.78', '192.0.2.79']) expect(addressFailures(spoofed)).toBe(0);
});

test('after 10 failed sign-ins the account is locked with a message saying so; the lock ends by itself and a success clears the count', async ({ page }) => {
  const editor = await newEditor(db, 'locked');
  // Nine earlier failures, the last five minutes ago (its 30 s wait is over): the form is
  // allowed one more try. Typing them all would take a minute and a half of mandated waits.
  const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000);
  for (let i = 0; i < 9; i++) recordLoginFailure(db, 'account', editor.email, fiveMinutesAgo, i === 0);
  const accountFailures = () => db.$client.prepare("SELECT failures FROM login_attempts WHERE scope = 'account' AND key = ?").pluck().get(editor.email);

  await page.goto('/admin/login');
  const status = page.getByTestId('form-status');
  await page.getByLabel('E-mail address').fill(editor.email);
  await page.getByLabel('Password').fill('the tenth wrong guess');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(status).toHaveText('The e-mail address or password is wrong. Sign-in for this e-mail address is locked after 10 failed attempts. Try again in 15 minutes, or from a browser you have signed in with before.');
  expect(accountFailures()).toBe(10);

  // The right password is refused too while the lock lasts, without counting another failure.
  await page.getByLabel('Password').fill(editor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(status).toHaveText('Sign-in for this e-mail address is locked after 10 failed attempts. Try again in 15 minutes, or from a browser you have signed in with before.');
  await expect(page).toHaveURL(/\/admin\/login$/);
  expect(accountFailures()).toBe(10);

  // Sixteen minutes later (the clock moved by moving the last failure back): the lock is over.
  db.$client.prepare("UPDATE login_attempts SET last_failed_at = ? WHERE scope = 'account' AND key = ?").run(new Date(Date.now() - 16 * 60_000).toISOString(), editor.email);
  await page.getByLabel('Password').fill(editor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/figures$/);
  expect(accountFailures()).toBeUndefined();
});

test('strangers who lock an editor\'s account do not lock out a browser the editor has signed in with before', async ({ page, browser }) => {
  const editor = await newEditor(db, 'device');
  const LOCKED = 'Sign-in for this e-mail address is locked after 10 failed attempts. Try again in 15 minutes, or from a browser you have signed in with before.';
  const deviceCookie = async () => (await page.context().cookies()).find((c) => c.name === DEVICE_COOKIE);
  const accountFailures = () => (db.$client.prepare("SELECT failures FROM login_attempts WHERE scope = 'account' AND key = ?").pluck().get(editor.email) as number | undefined) ?? 0;
  // Every test here comes from 127.0.0.1, so the strangers' guesses count for that address too;
  // they are taken off it again at the end, so that the tests after this one are not slowed down.
  const addressRow = db.$client.prepare("SELECT failures, last_failed_at AS lastFailedAt FROM login_attempts WHERE scope = 'address' AND key = '127.0.0.1'").get() as { failures: number; lastFailedAt: string } | undefined;
  // The mandated waits (1 s doubling to 30 s) are skipped by moving the clock: the last failures back.
  const moveClockBack = () =>
    db.$client
      .prepare("UPDATE login_attempts SET last_failed_at = strftime('%Y-%m-%dT%H:%M:%fZ', last_failed_at, '-31 seconds') WHERE (scope = 'account' AND key = ?) OR (scope = 'address' AND key = '127.0.0.1')")
      .run(editor.email);

  // The editor's browser signs in (and is given a device cookie), then signs out, keeping it.
  await signIn(page, editor);
  const given = await deviceCookie();
  expect(given).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/admin/login', secure: false });
  expect(given!.expires * 1000).toBeGreaterThan(Date.now() + 179 * 24 * 3600_000);
  expect(given!.expires * 1000).toBeLessThan(Date.now() + 181 * 24 * 3600_000);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/login\?signed-out=1$/);
  expect((await deviceCookie())?.value).toBe(given!.value);

  const strangers = await browser.newContext();
  try {
    // Another browser guesses ten times and locks the account, and is told so.
    const other = await strangers.newPage();
    await other.goto('/admin/login');
    const status = other.getByTestId('form-status');
    for (let i = 0; i < 10; i++) {
      moveClockBack();
      await other.getByLabel('E-mail address').fill(editor.email);
      await other.getByLabel('Password').fill(`a stranger's guess ${i}`);
      await other.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(accountFailures).toBe(i + 1);
    }
    await expect(status).toHaveText(`The e-mail address or password is wrong. ${LOCKED}`);
    await other.getByLabel('Password').fill(editor.password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expect(status).toHaveText(LOCKED);
    await expect(other).toHaveURL(/\/admin\/login$/);

    // The editor's browser still signs in (once the address's own short wait is over), and is
    // given a new device cookie.
    moveClockBack();
    await page.getByLabel('E-mail address').fill(editor.email);
    await page.getByLabel('Password').fill(editor.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin\/figures$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Figures' })).toBeVisible();
    expect((await deviceCookie())?.value).not.toBe(given!.value);

    // The lock still holds for the other browser.
    await other.goto('/admin/login');
    await expect(status).toHaveText('');
    await other.getByLabel('E-mail address').fill(editor.email);
    await other.getByLabel('Password').fill(editor.password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expect(status).toHaveText(LOCKED);
    expect(accountFailures()).toBe(10);
  } finally {
    await strangers.close();
    if (addressRow) db.$client.prepare("UPDATE login_attempts SET failures = ?, last_failed_at = ? WHERE scope = 'address' AND key = '127.0.0.1'").run(addressRow.failures, addressRow.lastFailedAt);
    else db.$client.prepare("DELETE FROM login_attempts WHERE scope = 'address' AND key = '127.0.0.1'").run();
  }
});

test('signing out while another process holds the write lock says so and keeps the editor signed in; trying again signs out', async ({ page }) => {
  const editor = await newEditor(db, 'sign-out-busy');
  await signIn(page, editor);
  // This connection takes the write lock, as an import on the command line would; the server
  // waits its busy timeout (5 s by default) for it before giving up.
  db.$client.exec('BEGIN IMMEDIATE');
  try {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByTestId('sign-out-status')).toHaveText(SIGN_OUT_BUSY_MESSAGE, { timeout: 20_000 });
  } finally {
    db.$client.exec('ROLLBACK');
  }
  await expect(page).toHaveURL(/\/admin\/figures$/);
  await page.getByRole('link', { name: 'Sources' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/login\?signed-out=1$/);
  await expect(page.getByText('You are signed out.')).toBeVisible();
});

test('a signed-out editor who follows a link to an admin page signs in and lands on that page; a foreign address is never followed', async ({ page }) => {
  const editor = await newEditor(db, 'return');
  await page.goto('/admin/sources?page=1');
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin%2Fsources%3Fpage%3D1$/);
  // A failed attempt keeps where to go.
  await page.getByLabel('E-mail address').fill(editor.email);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('form-status')).toHaveText('The e-mail address or password is wrong.');
  await page.getByLabel('Password').fill(editor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/sources\?page=1$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // A session over on the server while the browser still sends its cookie: the page itself sends
  // the editor to sign in, and back.
  await page.context().clearCookies();
  await page.context().addCookies([{ name: SESSION_COOKIE, value: 'a-session-that-ended', url: page.url() }]);
  await page.goto('/admin/events');
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin%2Fevents$/);

  await page.context().clearCookies();
  await page.goto('/admin/login?next=%2F%2Fevil.example%2Fadmin%2F');
  await page.getByLabel('E-mail address').fill(editor.email);
  await page.getByLabel('Password').fill(editor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/^http:\/\/(127\.0\.0\.1|localhost):\d+\/admin\/figures$/);
});
