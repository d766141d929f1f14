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

  it('writes a label inside a hollow bar (a bound’s) in the text colour, not white on the pale inside', () => {
    const { chart, drawn } = fakeChart([380, 380]);
    barLabelsPlugin.afterDatasetsDraw!(chart, {}, { labels: ['more than 1,300', '1,300'], colour: '#111111', hollow: [true, false] }, false);
    expect(drawn.map((d) => [d.text, d.fill])).toEqual([['more than 1,300', '#111111'], ['1,300', '#ffffff']]);
  });

  it('paints the background in the colour of the options', () => {
    const { chart, fills } = fakeChart([]);
    backgroundPlugin.beforeDraw!(chart as never, { cancelable: true } as never, { colour: '#101418' });
    expect(fills).toEqual(['#101418']);
  });
});

describe('a real Chart.js chart given new options, as react-chartjs-2 gives them', () => {
  it('draws the new labels and background: the plugins are created once, what they draw is read afresh', async () => {
    const { Chart, BarController, BarElement, CategoryScale, LinearScale } = await import('chart.js');
    Chart.register(BarController, BarElement, CategoryScale, LinearScale);
    const written: string[] = [];
    const backgrounds: string[] = [];
    // A canvas and its context as far as Chart.js needs them here, recording the text and the fills.
    const context: Record<string, unknown> = {
      measureText: (text: string) => ({ width: String(text).length * 6 }),
      fillText: (text: string) => written.push(text),
      fillRect: () => backgrounds.push(String(context.fillStyle)),
      getTransform: () => ({}),
      createLinearGradient: () => ({ addColorStop() {} }),
    };
    const canvas = { width: 400, height: 200, style: {}, getContext: () => ctx } as unknown as HTMLCanvasElement;
    const ctx = new Proxy(context, { get: (t, p) => (p in t ? t[p as string] : () => undefined), set: (t, p, v) => ((t[p as string] = v), true) });
    (context as { canvas: unknown }).canvas = canvas;
    const options = (labels: string[], colour: string) => ({
      indexAxis: 'y' as const, animation: false as const, responsive: false, plugins: { pageBackground: { colour }, barLabels: { labels, colour: '#000000' } },
    });
    const chart = new Chart<'bar', [number, number][], string>(canvas, {
      type: 'bar',
      data: { labels: ['Deaths', 'Detained'], datasets: [{ label: 'people', data: [[0, 230], [0, 9900]] }] },
      options: options(['230', 'up to 9,900'], '#ffffff'),
      plugins: [backgroundPlugin, barLabelsPlugin],
    });
    chart.draw();
    expect(written).toEqual(expect.arrayContaining(['230', 'up to 9,900']));
    expect(backgrounds).toContain('#ffffff');
    // Another tab: react-chartjs-2 assigns the new options and data, then updates the chart.
    written.length = 0;
    backgrounds.length = 0;
    Object.assign(chart.options, options(['more than KZT 87 billion'], '#101418'));
    chart.data.labels = ['Economic damage'];
    chart.data.datasets = [{ label: 'KZT', data: [[0, 87_000_000_000]] }];
    chart.update();
    chart.draw();
    expect(written).toContain('more than KZT 87 billion');
    expect(written).not.toContain('230');
    expect(backgrounds).toContain('#101418');
    chart.destroy();
  });
});
