import type { BarSpec } from '@/lib/chart-spec';

/**
 * How much of the colour a bound's bar is filled with (hex alpha): a tint of the page's own
 * background, light or dark, inside a full outline; its label, when inside, is in the text colour.
 */
const BOUND_FILL_ALPHA = '40';

/**
 * Each bar's fill and outline: a number the source gave exactly (or as "about") is a full bar; one
 * given as a bound ("more than 1,300", "up to 9,900") a hollow bar, outlined, so that the two are
 * not read as the same figure. Colour is not the only cue: its label gives the words.
 */
export function barStyles(bars: BarSpec['bars'], colour: string): { backgroundColor: string[]; borderColor: string; borderWidth: number[] } {
  return {
    backgroundColor: bars.map((b) => (b.bound ? `${colour}${BOUND_FILL_ALPHA}` : colour)),
    borderColor: colour,
    borderWidth: bars.map((b) => (b.bound ? 2 : 0)),
  };
}

/** What a chart with bound bars says of them, in its subtitle and its PNG. */
export const BOUND_BARS_NOTE = 'Hollow (outlined) bars are numbers given as bounds: the true figure may lie beyond the bar’s end (more than, at least) or short of it (up to), as its words say.';
