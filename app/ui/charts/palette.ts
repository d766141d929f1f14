/** The grey of retracted reports on the timeline (crosses): no line is drawn in it. */
export const RETRACTED_COLOUR = '#7f7f7f';

/**
 * Colour-blind-safe categorical palette after Okabe and Ito, every colour at least 3:1 against
 * the page in light and dark mode (WCAG 1.4.11, for lines and marks): their yellow, black, sky
 * blue (2.3:1 on white) and orange (2.3:1) are left out or replaced, by a violet and an ochre;
 * grey marks retracted reports. Six colours and the timeline's five shapes give its eight lines
 * eight different pairs.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#9467BD', '#B07A00'];
