import type { Download } from '@playwright/test';
import { EventPage } from './event-page';
import { expect, test } from './fixtures';

/**
 * A chart's "Download PNG": the picture carries its citation (title above; sources, the page's
 * address and the date below), while the chart on the page stays as it was.
 */
const KZ = 'kazakhstan-2022-unrest';

/** A downloaded file's bytes. */
async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A PNG's size in pixels, from its header chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.subarray(12, 16).toString()).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('the PNG download saves the chart with its title above, and its sources, address and date below', async ({ page }) => {
  const event = new EventPage(page);
  await event.goto(KZ);
  const timeline = event.panel('Deaths as reported over time');
  const canvas = timeline.locator('canvas');
  await expect(canvas).toBeVisible();
  const drawn = () => canvas.evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height, image: c.toDataURL('image/png') }));
  const before = await drawn();
  const [download] = await Promise.all([page.waitForEvent('download'), timeline.getByRole('button', { name: 'Download PNG' }).click()]);
  expect(download.suggestedFilename()).toBe(`${KZ}-timeline-deaths-as-reported-over-time.png`);
  const png = await downloadedBytes(download);
  const size = pngSize(png);
  // As wide as the chart on the page, and taller by the credit: a title line, at least one line
  // each of sources and of address and date, and their margins.
  expect(size.width).toBe(before.width);
  expect(size.height).toBeGreaterThan(before.height + 100);
  // The chart on the page is left as it was.
  expect(await drawn()).toEqual(before);

  // Find the chart inside the image, then look for text (pixels far from the background) in the
  // rows above it and below it.
  const found = await page.evaluate(
    async ({ saved, chart }) => {
      const pixels = async (src: string) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return { width: img.width, height: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data };
      };
      const whole = await pixels(saved);
      const part = await pixels(chart);
      const rowDiff = (y: number, top: number) => {
        let sum = 0;
        for (let i = 0; i < part.width * 4; i++) sum += Math.abs(whole.data[(y + top) * whole.width * 4 + i]! - part.data[y * part.width * 4 + i]!);
        return sum;
      };
      // Sample rows across the chart; the offset where they match is where it was copied to.
      const sample = [0.2, 0.35, 0.5, 0.65, 0.8].map((f) => Math.floor(part.height * f));
      let top = -1;
      let best = Infinity;
      for (let t = 0; t + part.height <= whole.height; t++) {
        const diff = sample.reduce((s, y) => s + rowDiff(y, t), 0);
        if (diff < best) [best, top] = [diff, t];
      }
      const bg = [whole.data[0]!, whole.data[1]!, whole.data[2]!];
      const inked = (y: number) => {
        for (let x = 0; x < whole.width; x++) {
          const i = (y * whole.width + x) * 4;
          if (Math.abs(whole.data[i]! - bg[0]!) + Math.abs(whole.data[i + 1]! - bg[1]!) + Math.abs(whole.data[i + 2]! - bg[2]!) > 300) return true;
        }
        return false;
      };
      const count = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k).filter(inked).length;
      return {
        top,
        meanDiff: best / (sample.length * part.width * 4),
        bg,
        inkAbove: count(0, top),
        inkBelow: count(top + part.height, whole.height),
        // The last 12 rows are the bottom margin; the credit line sits just above it.
        inkLastLines: count(whole.height - 40, whole.height - 12),
      };
    },
    { saved: `data:image/png;base64,${png.toString('base64')}`, chart: before.image },
  );
  expect(found.meanDiff, 'the chart is copied into the image unchanged').toBeLessThan(1);
  expect(found.top, 'the title is above the chart').toBeGreaterThan(30);
  expect(found.inkAbove, 'rows of title text above the chart').toBeGreaterThan(10);
  expect(found.inkBelow, 'rows of sources and credit text below the chart').toBeGreaterThan(20);
  expect(found.inkLastLines, 'the credit line at the bottom').toBeGreaterThan(5);
  // The page's background (light here), so the dark text reads.
  expect(found.bg.every((c) => c > 200)).toBe(true);
});

test('every chart’s PNG is named after its title and carries its credit', async ({ page }) => {
  const event = new EventPage(page);
  await event.goto(KZ);
  for (const [title, name] of [
    ['Headline figures compared, in people', `${KZ}-compare-people-headline-figures-compared-in-people.png`],
    ['Deaths by group and place', `${KZ}-breakdown-deaths-by-group-and-place.png`],
  ] as const) {
    const panel = event.panel(title);
    const canvas = panel.locator('canvas');
    await expect(canvas).toBeVisible();
    const onPage = await canvas.evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));
    // Named after its chart: a screen reader's list of buttons tells the three apart.
    const button = panel.getByRole('button', { name: `Download PNG of ${title}`, exact: true });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(name);
    const size = pngSize(await downloadedBytes(download));
    expect(size.width).toBe(onPage.width);
    expect(size.height).toBeGreaterThan(onPage.height + 80);
  }
});
