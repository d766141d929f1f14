import type { Locator } from '@playwright/test';

/** How many pixels of a canvas are exactly each of `colours` (lower-case #rrggbb). */
export function pixelsOfColours(canvas: Locator, colours: string[]): Promise<Record<string, number>> {
  return canvas.evaluate((c: HTMLCanvasElement, wanted: string[]) => {
    const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const counts = new Map(wanted.map((hex) => [hex, 0]));
    for (let i = 0; i < pixels.length; i += 4) {
      const hex = `#${[pixels[i]!, pixels[i + 1]!, pixels[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      if (counts.has(hex)) counts.set(hex, counts.get(hex)! + 1);
    }
    return Object.fromEntries(counts);
  }, colours);
}
