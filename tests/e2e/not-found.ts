import type { Browser } from '@playwright/test';
import { expect } from './fixtures';

/** Each of `paths` answers 404 with Next's page that says so, read with JavaScript off. */
export async function expectNotFoundWithoutJavaScript(browser: Browser, paths: string[]): Promise<void> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of paths) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  }
  await context.close();
}
