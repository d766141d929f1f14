import fs from 'node:fs';
import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, parse, wcagContrast, type Color } from 'culori';
import { describe, expect, it } from 'vitest';
import { BAR_COLOUR, LINE_PALETTES, RETRACTED_COLOUR, type ColourScheme } from '@/app/ui/charts/palette';
import { timelineDatasets } from '@/app/ui/charts/timeline-datasets';
import { CHART_LIMITS } from '@/lib/chart-data';
import type { TimelineSpec } from '@/lib/chart-spec';

const SCHEMES: ColourScheme[] = ['light', 'dark'];
const deltaE = differenceCiede2000();
/** How colours look to normal sight and, simulated (Machado et al. 2009, full strength), without one kind of cone. */
const SIGHTS: Record<string, (c: Color) => Color> = {
  normal: (c) => c,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};
const seen = (hex: string, sight: (c: Color) => Color) => sight(parse(hex)!);
/** Every two colours of a set, and how far apart (CIEDE2000) they look to a sight. */
function pairs(colours: readonly string[], sight: (c: Color) => Color) {
  return colours.flatMap((a, i) => colours.slice(i + 1).map((b) => ({ pair: `${a} ${b}`, deltaE: deltaE(seen(a, sight), seen(b, sight)) })));
}

// Okabe and Ito's set, and Paul Tol's bright, muted and high-contrast ones: all colour-blind-safe.
const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];
const TOL = ['#4477AA', '#EE6677', '#228833', '#CCBB44', '#66CCEE', '#AA3377', '#CC6677', '#332288', '#DDCC77', '#117733', '#88CCEE', '#882255', '#44AA99', '#999933', '#AA4499', '#004488', '#DDAA33', '#BB5566'];

describe('the charts’ colours', () => {
  // The page's backgrounds as the style sheet sets them: light, then in its dark-mode block, dark.
  const css = fs.readFileSync('app/globals.css', 'utf8');
  const backgrounds = [...css.matchAll(/--bg:\s*(#[0-9a-f]{6})/gi)].map((m) => m[1]!);
  const background: Record<ColourScheme, string> = { light: backgrounds[0]!, dark: backgrounds[1]! };

  it('are read against the page’s own backgrounds, the dark one in the style sheet’s dark mode', () => {
    expect(backgrounds).toEqual(['#ffffff', '#121212']);
    expect(css.indexOf('--bg: #121212')).toBeGreaterThan(css.indexOf('@media (prefers-color-scheme: dark)'));
  });

  it('give every line of a timeline a colour of its own, in either scheme', () => {
    for (const scheme of SCHEMES) {
      const colours = LINE_PALETTES[scheme].map((c) => c.toLowerCase());
      expect(new Set(colours).size, scheme).toBe(colours.length);
      expect(colours.length, scheme).toBeGreaterThanOrEqual(CHART_LIMITS.timelineLines);
    }
  });

  it('each stand out from their scheme’s page at 3:1 at least (lines and marks, WCAG 1.4.11)', () => {
    for (const scheme of SCHEMES) {
      for (const colour of [...LINE_PALETTES[scheme], BAR_COLOUR, RETRACTED_COLOUR]) {
        expect(wcagContrast(colour, background[scheme]), `${colour} on ${scheme} ${background[scheme]}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('are told apart by normal sight and by simulated protanopia, deuteranopia and tritanopia', () => {
    // CIEDE2000: about 2 is the least difference seen side by side; lines and small marks need far more.
    const least = { normal: 15, protanopia: 10, deuteranopia: 10, tritanopia: 10 } as Record<string, number>;
    for (const scheme of SCHEMES) {
      for (const [name, sight] of Object.entries(SIGHTS)) {
        const closest = pairs(LINE_PALETTES[scheme], sight).sort((p, q) => p.deltaE - q.deltaE)[0]!;
        expect(closest.deltaE, `${scheme}, ${name}: ${closest.pair}`).toBeGreaterThanOrEqual(least[name]!);
      }
    }
  });

  it('are none of them near the grey of retracted reports, to normal sight', () => {
    for (const scheme of SCHEMES) {
      for (const colour of LINE_PALETTES[scheme]) expect(deltaE(parse(colour)!, parse(RETRACTED_COLOUR)!), colour).toBeGreaterThanOrEqual(20);
    }
  });

  it('come from colour-blind-safe sets (Okabe and Ito’s, Paul Tol’s), white on the dark page, and the bars’ is the first line’s', () => {
    for (const scheme of SCHEMES) {
      const allowed = [...OKABE_ITO, ...TOL, ...(scheme === 'dark' ? ['#FFFFFF'] : [])];
      for (const colour of LINE_PALETTES[scheme]) expect(allowed, `${scheme} ${colour}`).toContain(colour);
      expect(LINE_PALETTES[scheme][0]).toBe(BAR_COLOUR);
    }
  });
});

describe('the timeline’s lines in the site’s colours', () => {
  const lines = (n: number, scheme: ColourScheme) => {
    const spec: TimelineSpec = { kind: 'timeline', id: 't', title: 't', unit: 'people', series: Array.from({ length: n }, (_, i) => ({ label: `line ${i + 1}`, tone: i, points: [] })) };
    return timelineDatasets(spec, LINE_PALETTES[scheme]).map((d) => ({ colour: String(d.borderColor), shape: `${String(d.pointStyle)}@${String(d.pointRotation)}` }));
  };

  it('draw as many lines as a timeline shows, each in its own colour, shapes differing too (line 1 and line 5 shared a colour)', () => {
    for (const scheme of SCHEMES) {
      const drawn = lines(CHART_LIMITS.timelineLines, scheme);
      expect(new Set(drawn.map((l) => l.colour)).size, scheme).toBe(CHART_LIMITS.timelineLines);
      expect(drawn[4]!.colour).not.toBe(drawn[0]!.colour);
      expect(drawn[4]!.shape).not.toBe(drawn[0]!.shape);
      expect(drawn.map((l) => l.colour)).not.toContain(RETRACTED_COLOUR);
    }
  });

  it('given more lines than colours, repeat a colour only with another shape: forty lines, forty pairs; the 41st is the first’s', () => {
    for (const scheme of SCHEMES) {
      const drawn = lines(41, scheme);
      const pairsDrawn = drawn.map((l) => `${l.colour} ${l.shape}`);
      expect(new Set(pairsDrawn.slice(0, 40)).size, scheme).toBe(40);
      // Line 9 is line 1's colour, with line 4's shape (a triangle pointing right, not a circle).
      expect(drawn[8]).toEqual({ colour: drawn[0]!.colour, shape: 'triangle@90' });
      expect(pairsDrawn[40]).toBe(pairsDrawn[0]);
    }
  });
});
