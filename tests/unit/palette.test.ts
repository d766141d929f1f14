import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PALETTE, RETRACTED_COLOUR } from '@/app/ui/charts/palette';
import { timelineDatasets } from '@/app/ui/charts/timeline-datasets';

/** WCAG's contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('the charts’ colours', () => {
  // The page's backgrounds, light and dark, as the style sheet sets them.
  const backgrounds = [...fs.readFileSync('app/globals.css', 'utf8').matchAll(/--bg:\s*(#[0-9a-f]{6})/gi)].map((m) => m[1]!);

  it('each stand out from the page at 3:1 at least, in light and dark mode (lines and marks, WCAG 1.4.11)', () => {
    expect(backgrounds).toEqual(['#ffffff', '#121212']);
    for (const colour of [...PALETTE, RETRACTED_COLOUR]) {
      for (const bg of backgrounds) expect(contrast(colour, bg), `${colour} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('are Okabe and Ito’s, none of them the grey of retracted reports', () => {
    // Their colour-blind-safe set; only its members that pass the contrast above are used.
    const okabeIto = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];
    expect(PALETTE.every((c) => okabeIto.includes(c))).toBe(true);
    expect(new Set(PALETTE).size).toBe(PALETTE.length);
    expect(PALETTE).not.toContain(RETRACTED_COLOUR);
  });

  it('with the timeline’s shapes, give its eight lines eight different pairs', () => {
    const spec = { kind: 'timeline' as const, id: 't', title: 't', unit: 'people', series: Array.from({ length: 8 }, (_, i) => ({ label: `line ${i}`, points: [] })) };
    const pairs = timelineDatasets(spec as unknown as Parameters<typeof timelineDatasets>[0], PALETTE).map((d) => `${String(d.borderColor)} ${String(d.pointStyle)}@${String(d.pointRotation)}`);
    expect(new Set(pairs).size).toBe(8);
  });
});
