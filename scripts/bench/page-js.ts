import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM } from './prerequisites';
import type { BudgetResult } from './result';
import { round } from './stats';

type LcpInfo = { tag: string; text: string; size: number } | null;

declare global {
  interface Window {
    __benchLcp?: LcpInfo;
  }
}

const BUDGET_BYTES = 250 * 1024;
const NOT_TEXT = new Set(['CANVAS', 'IMG', 'SVG', 'VIDEO', 'IMAGE', 'PICTURE']);

/**
 * Budget 6: loads the event page in Chromium and sums the gzipped size of every JavaScript file
 * it fetches (the build's chunks; gzip level 6, as a server would send them), and reads the
 * Largest Contentful Paint element. That element must be text, and the same text must be on the
 * page with JavaScript switched off: rendered on the server, not by a script or a chart.
 */
export async function measurePageJs(url: string): Promise<BudgetResult> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      new PerformanceObserver((list) => {
        const last = list.getEntries().at(-1) as (PerformanceEntry & { element?: Element | null; size?: number }) | undefined;
        const el = last?.element;
        window.__benchLcp = el ? { tag: el.tagName, text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200), size: last.size ?? 0 } : null;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const scripts: Array<Promise<{ url: string; raw: number; gzip: number }>> = [];
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'script') return;
      scripts.push(res.body().then((body) => ({ url: new URL(res.url()).pathname, raw: body.length, gzip: gzipSync(body, { level: 6 }).length })));
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    const lcp = await page.evaluate(() => window.__benchLcp ?? null);
    const files = await Promise.all(scripts);
    const inlineScripts = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join(''));

    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(url, { waitUntil: 'load' });
    const serverText = (await plain.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ');
    await noJs.close();

    const gzip = files.reduce((n, f) => n + f.gzip, 0);
    const lcpIsText = lcp !== null && !NOT_TEXT.has(lcp.tag.toUpperCase()) && lcp.text.length > 0;
    const lcpServerRendered = lcpIsText && serverText.includes(lcp.text);
    return {
      budget: 6,
      name: 'Event page JavaScript and LCP',
      target: '≤ 250 KB gzipped JS; the LCP element is server-rendered text',
      measured: `${round(gzip / 1024, 1)} KB gzipped in ${files.length} files; LCP <${lcp?.tag.toLowerCase() ?? 'none'}> ${lcpServerRendered ? 'server-rendered text' : 'NOT server-rendered text'}`,
      met: gzip <= BUDGET_BYTES && lcpServerRendered,
      details: {
        gzipBytes: gzip,
        rawBytes: files.reduce((n, f) => n + f.raw, 0),
        files: files.sort((a, b) => b.gzip - a.gzip),
        inlineScriptGzipBytes: gzipSync(inlineScripts).length,
        lcp,
        lcpIsText,
        lcpServerRendered,
      },
    };
  } finally {
    await browser.close();
  }
}
