import type { Chart } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { backgroundPlugin, barLabelsPlugin } from '@/app/ui/charts/plugins';

/** A chart as far as the plugins look at it, with a canvas context that records what is drawn. */
function fakeChart(barEnds: number[]) {
  const drawn: Array<{ text: string; x: number; y: number; fill: string }> = [];
  const fills: string[] = [];
  const ctx = {
    fillStyle: '',
    font: '',
    textAlign: '',
    textBaseline: '',
    globalCompositeOperation: '',
    save() {},
    restore() {},
    measureText: (text: string) => ({ width: text.length * 6 }),
    fillText(text: string, x: number, y: number) {
      drawn.push({ text, x, y, fill: this.fillStyle });
    },
    fillRect() {
      fills.push(this.fillStyle);
    },
  };
  const chart = { ctx, width: 400, height: 200, chartArea: { left: 0, right: 400, top: 0, bottom: 200 }, getDatasetMeta: () => ({ data: barEnds.map((x, i) => ({ x, y: 20 + i * 40 })) }) };
  return { chart: chart as unknown as Chart<'bar'>, drawn, fills };
}

describe('the bar chart’s plugins draw what the chart’s options hold now', () => {
  it('writes each bar’s worded figure from the options, so a chart given new options (another tab) writes the new ones', () => {
    const { chart, drawn } = fakeChart([100, 380]);
    barLabelsPlugin.afterDatasetsDraw!(chart, {}, { labels: ['230', 'up to 9,900'], colour: '#111111' }, false);
    expect(drawn).toEqual([
      { text: '230', x: 106, y: 20, fill: '#111111' },
      // No room after the bar: written inside its end, in white.
      { text: 'up to 9,900', x: 374, y: 60, fill: '#ffffff' },
    ]);
    drawn.length = 0;
    barLabelsPlugin.afterDatasetsDraw!(chart, {}, { labels: ['more than KZT 87 billion'], colour: '#222222' }, false);
    expect(drawn.map((d) => d.text)).toEqual(['more than KZT 87 billion']);
  });

  it('paints the background in the colour of the options', () => {
    const { chart, fills } = fakeChart([]);
    backgroundPlugin.beforeDraw!(chart as never, { cancelable: true } as never, { colour: '#101418' });
    expect(fills).toEqual(['#101418']);
  });
});
