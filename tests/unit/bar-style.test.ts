import { describe, expect, it } from 'vitest';
import { barStyles } from '@/app/ui/charts/bar-style';
import type { BarSpec } from '@/lib/chart-spec';

const bar = (wording: string, bound: BarSpec['bars'][number]['bound']): BarSpec['bars'][number] => ({ label: wording, low: 0, high: 9900, bound, wording, citation: '[1]' });

describe('bars of numbers given as bounds', () => {
  it('are drawn light with a full outline; a number given exactly or as "about" is a full bar', () => {
    const styles = barStyles([bar('9,900', null), bar('up to 9,900', 'below'), bar('more than 9,900', 'above'), bar('about 9,900', null)], '#0072B2');
    expect(styles).toEqual({
      backgroundColor: ['#0072B2', '#0072B240', '#0072B240', '#0072B2'],
      borderColor: '#0072B2',
      borderWidth: [0, 2, 2, 0],
    });
  });
});
