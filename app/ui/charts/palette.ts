/** The grey of retracted reports on the timeline (crosses): no line is drawn in it. */
export const RETRACTED_COLOUR = '#7f7f7f';

/** The page's colour scheme, as the style sheet follows the system's (prefers-color-scheme). */
export type ColourScheme = 'light' | 'dark';

/**
 * The timeline's line colours, one set for each scheme: a line must stand out from the page at
 * 3:1 (WCAG 1.4.11), and no eight colours far enough apart for colour-blind sight pass that on
 * both the white and the near-black page. Both begin with the four of Okabe and Ito that pass on
 * both; the light page adds their black and three of Paul Tol's colour-blind-safe sets (muted
 * wine and indigo, high-contrast red), the dark page white, Okabe and Ito's yellow and sky blue,
 * and Tol's bright purple. Each set holds as many colours as a timeline draws lines
 * (CHART_LIMITS.timelineLines), so every line has its own; tests/unit/palette.test.ts measures
 * their contrast and how far apart they are, to normal sight and simulated colour-blind sight.
 */
export const LINE_PALETTES: Readonly<Record<ColourScheme, readonly string[]>> = {
  light: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#000000', '#882255', '#BB5566', '#332288'],
  dark: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#FFFFFF', '#F0E442', '#56B4E9', '#AA3377'],
};

/** The bars' colour, in either scheme: Okabe and Ito's blue, the timeline's first line's. */
export const BAR_COLOUR = '#0072B2';
