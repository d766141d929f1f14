import { expect, test } from './fixtures';

const STATIC_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

test('every kind of response carries the security headers', async ({ request }) => {
  for (const path of ['/', '/events/kazakhstan-2022-unrest', '/events/no-such-event', '/sources/999999', '/api/health', '/api/figures.csv?event=kazakhstan-2022-unrest', '/api/figures?limit=1', '/admin/login', '/icon.svg']) {
    const res = await request.get(path, { maxRedirects: 0 });
    const headers = res.headers();
    for (const [name, value] of Object.entries(STATIC_HEADERS)) expect(headers[name], `${name} on ${path}`).toBe(value);
    expect(headers['permissions-policy'], path).toContain('camera=()');
    // The test server has no https SITE_URL: no HSTS (lib/security-headers.ts transportSecurity).
    expect(headers['strict-transport-security'], path).toBeUndefined();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, `CSP on ${path}`).toContain("frame-ancestors 'none'");
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc, path).not.toContain('unsafe-inline');
  }
});

test('each page gets its own nonce, and its scripts run under it', async ({ page, request }) => {
  const nonceOf = async () => /'nonce-([^']+)'/.exec((await request.get('/')).headers()['content-security-policy'] ?? '')?.[1];
  const [a, b] = [await nonceOf(), await nonceOf()];
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
  // The dashboard's charts draw: Next's and the charts' scripts were allowed (a refused script
  // would also fail the test through the console-error fixture).
  await page.goto('/events/kazakhstan-2022-unrest');
  await expect(page.locator('canvas').first()).toBeVisible();
});

test.describe('injected markup', () => {
  // The browser reports the refusal on the console: that one error is the expected outcome.
  test.use({ allowedConsoleErrors: [/Content Security Policy/] });

  const inject = async (page: import('@playwright/test').Page) => {
    await page.goto('/events/kazakhstan-2022-unrest');
    await page.evaluate(() => {
      const div = document.createElement('div');
      div.innerHTML = '<button id="injected" onclick="window.__injected = 1">x</button>';
      document.body.append(div);
    });
    await page.locator('#injected').click();
    return page.evaluate(() => (window as unknown as { __injected?: number }).__injected);
  };

  test('an event-handler attribute slipped into the page (the classic XSS) does not run', async ({ page, browser }) => {
    expect(await inject(page)).toBeUndefined();
    // Control: the same markup does run when the policy is bypassed, so the policy is what stops it.
    const open = await browser.newContext({ bypassCSP: true });
    expect(await inject(await open.newPage())).toBe(1);
    await open.close();
  });
});

test('a page answered from the page cache carries a fresh nonce, and its scripts run under it', async ({ page, request }) => {
  const path = '/events/kazakhstan-2022-unrest?timeline=injured';
  await request.get(path);
  const again = await request.get(path);
  expect(again.headers()['x-page-cache']).toBe('hit');
  const response = await page.goto(path);
  expect(response?.headers()['x-page-cache']).toBe('hit');
  const nonce = /'nonce-([^']+)'/.exec(response?.headers()['content-security-policy'] ?? '')?.[1];
  expect(nonce).not.toBe(/'nonce-([^']+)'/.exec(again.headers()['content-security-policy'] ?? '')?.[1]);
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  // The charts draw, so the browser ran Next's scripts under the replayed page's new nonce.
  await expect(page.locator('#timeline canvas')).toBeVisible();
  await expect(page.locator('#timeline-title')).toContainText(/injured/i);
});
