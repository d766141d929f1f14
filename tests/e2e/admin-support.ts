import { spawnSync } from 'node:child_process';
import { expect, type Browser, type Page } from '@playwright/test';
import { openDatabase, type Db } from '@/db/index';
import { createEvent } from '@/db/queries/catalog-admin';
import { createFigure } from '@/db/queries/figure-writes';
import { findEventBySlug } from '@/db/queries/events';
import { createAdmin } from '@/lib/auth/accounts';
import type { FigureFormInput } from '@/lib/validation/figure-form';

export { E2E_MARKER } from './markers';
export const E2E_EVENT_SLUG = 'e2e-admin-tests';

/** The database of the server under test (see playwright.config.ts). */
export function e2eDb(): Db {
  const file = process.env.E2E_DATABASE_PATH;
  if (!file) throw new Error('E2E_DATABASE_PATH is not set; run the tests through playwright.config.ts.');
  return openDatabase(file);
}

/** A new editor account with a fresh e-mail; returns its credentials. */
export async function newEditor(db: Db, name: string): Promise<{ email: string; password: string }> {
  const email = `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
  const password = `e2e passphrase ${Math.random().toString(36).slice(2)}`;
  await createAdmin(db, email, password);
  return { email, password };
}

/** The event the admin tests write to (so the seeded event keeps its 35 figures), created once. */
export function e2eEventId(db: Db): number {
  const existing = findEventBySlug(db, E2E_EVENT_SLUG);
  if (existing) return existing.id;
  return createEvent(db, { slug: E2E_EVENT_SLUG, name: 'End-to-end admin tests', country: 'Testland', startDate: '2022-01-01', endDate: undefined, description: 'Written by the end-to-end tests.' }, { userId: null, label: 'e2e setup' }).id;
}

/** A figure on the test event with a source of its own; returns its id. */
export function seedTestFigure(db: Db, location: string, best: number, over: Partial<FigureFormInput> = {}): number {
  const reportedOn = over.reportedOn ?? '2022-02-01';
  const input: FigureFormInput = {
    eventId: e2eEventId(db), metricId: 1, group: 'all', location, qualifier: 'exact', valueLow: null, valueBest: best, valueHigh: null,
    unit: 'people', reportedOn, quote: '', note: '',
    source: { kind: 'new', source: { reportingBody: `E2E body for ${location}`, publisher: '', title: '', url: '', publishedOn: reportedOn, fullText: '' } },
    ...over,
  };
  return createFigure(db, input, { userId: null, label: 'e2e setup' }).id;
}

/** `npm run import -- FILE --dry-run` against the e2e database, as the command line runs it. */
export function cliDryRun(file: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/import.ts', file, '--dry-run'], {
    env: { ...process.env, DATABASE_PATH: process.env.E2E_DATABASE_PATH },
    encoding: 'utf8',
  });
}

/** Signs in through the form and lands on the figure list. */
export async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('E-mail address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/figures$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Figures' })).toBeVisible();
}

/** A signed-in page in a browser context of its own (its own cookies). */
export async function signedInPage(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

/** Counts rows, for checking that a refused request wrote nothing. */
export function counts(db: Db): { figures: number; sources: number; audit: number; events: number } {
  return db.$client
    .prepare('SELECT (SELECT count(*) FROM figures) AS figures, (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM audit_entries) AS audit, (SELECT count(*) FROM events) AS events')
    .get() as { figures: number; sources: number; audit: number; events: number };
}
