/** The grey of retracted reports on the timeline (crosses): no line is drawn in it. */
export const RETRACTED_COLOUR = '#7f7f7f';

/**
 * Colour-blind-safe categorical palette (Okabe and Ito), without the yellow that fails contrast,
 * the black that fails it in dark mode, and grey, which marks retracted reports. Six colours and
 * the timeline's five shapes give its eight lines eight different pairs.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00'];
