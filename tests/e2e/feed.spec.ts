import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** A feed read by the browser's own XML parser (a feed reader refuses a document it cannot parse). */
function readFeed(page: Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const ns = 'http://www.w3.org/2005/Atom';
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.namespaceURI,
      title: doc.documentElement.getElementsByTagNameNS(ns, 'title')[0]?.textContent,
      entries: [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
        title: e.getElementsByTagNameNS(ns, 'title')[0]?.textContent ?? '',
        link: e.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href') ?? '',
        summary: e.getElementsByTagNameNS(ns, 'summary')[0]?.textContent ?? '',
      })),
    };
  }, xml);
}

const SLUG = 'kazakhstan-2022-unrest';

test('an event page offers its Atom feed, which a browser reads as XML: each entry a figure entered, linking to its page', async ({ page }) => {
  await page.goto(`/events/${SLUG}`);
  // Found by feed readers in the head, and by people beside the CSV download.
  const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(alternate).toHaveAttribute('href', `/events/${SLUG}/feed.xml`);
  await expect(alternate).toHaveAttribute('title', 'January 2022 unrest in Kazakhstan: new and changed figures');
  const link = page.getByRole('link', { name: 'Follow new and changed figures (Atom feed)' });
  await expect(link).toHaveAttribute('href', `/events/${SLUG}/feed.xml`);

  const res = await page.request.get(`/events/${SLUG}/feed.xml`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const xml = await res.text();
  const feed = await readFeed(page, xml);
  expect(feed.error).toBe(0);
  expect(feed.root).toBe('http://www.w3.org/2005/Atom');
  expect(feed.title).toBe('January 2022 unrest in Kazakhstan: new and changed figures');
  expect(feed.entries.length).toBeGreaterThan(10);
  expect(feed.entries.every((e) => e.title.startsWith('New report: ') && e.summary.includes("Entered with the site's dataset"))).toBe(true);

  // An entry leads to its figure's page, which says the number the entry gives.
  const entry = feed.entries.find((e) => /^New report: Deaths \(Kazakhstan\): /.test(e.title))!;
  await page.goto(new URL(entry.link).pathname);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(entry.title.replace(/^New report: Deaths \(Kazakhstan\): /, '').replace(/ people$/, ''));
});

test('the home page offers the site’s feed: every event’s new and changed figures, each naming its event', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', '/feed.xml');
  await expect(page.getByRole('link', { name: 'Follow new and changed figures of every event (Atom feed)' })).toHaveAttribute('href', '/feed.xml');
  const res = await page.request.get('/feed.xml');
  expect(res.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const feed = await readFeed(page, await res.text());
  expect(feed.error).toBe(0);
  expect(feed.title).toBe('Casualty and damage statistics: new and changed figures');
  expect(feed.entries.length).toBeGreaterThan(10);
  expect(feed.entries.every((e) => /\), [^:]+: /.test(e.title))).toBe(true);
  expect(feed.entries.some((e) => e.title.includes(', January 2022 unrest in Kazakhstan: '))).toBe(true);
});
