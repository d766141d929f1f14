/** The grey of retracted reports on the timeline (crosses): no line is drawn in it. */
export const RETRACTED_COLOUR = '#7f7f7f';

/**
 * Colour-blind-safe categorical colours (Okabe and Ito), only those at least 3:1 against the page
 * in light and dark mode (WCAG 1.4.11, for lines and marks): their yellow, black, sky blue and
 * orange are left out (the last two 2.3:1 on white; darker stand-ins were hard to tell from
 * vermillion and blue with colour-blind sight), and grey marks retracted reports. Four colours
 * and the timeline's five shapes give up to twenty lines different pairs.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];
