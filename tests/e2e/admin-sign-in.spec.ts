import type { Db } from '@/db/index';
import { CLIENT_ADDRESS_HEADER } from '@/lib/auth/client-address';
import { e2eDb } from './admin-support';
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
