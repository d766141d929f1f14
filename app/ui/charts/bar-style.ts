import type { BarSpec } from '@/lib/chart-spec';

/** How light a bound's bar is filled: a quarter of the colour (hex alpha), its outline full. */
const BOUND_FILL_ALPHA = '40';

/**
 * Each bar's fill and outline: a number the source gave exactly (or as "about") is a full bar; one
 * given as a bound ("more than 1,300", "up to 9,900") a light bar with a full outline, so that the
 * two are not read as the same figure. Colour is not the only cue: its label gives the words.
 */
export function barStyles(bars: BarSpec['bars'], colour: string): { backgroundColor: string[]; borderColor: string; borderWidth: number[] } {
  return {
    backgroundColor: bars.map((b) => (b.bound ? `${colour}${BOUND_FILL_ALPHA}` : colour)),
    borderColor: colour,
    borderWidth: bars.map((b) => (b.bound ? 2 : 0)),
  };
}

/** What a chart with bound bars says of them, in its subtitle and its PNG. */
export const BOUND_BARS_NOTE = 'Light bars are numbers given as bounds (more than, at least, up to): the true figure lies beyond or short of the bar’s end, as its words say.';
