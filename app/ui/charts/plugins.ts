import type { Chart, Plugin } from 'chart.js';

/** Paints the page's background under the chart, so a downloaded PNG is not transparent. */
export const backgroundPlugin = (colour: string): Plugin => ({
  id: 'pageBackground',
  beforeDraw(chart: Chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = colour;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
});

type RangePoint = { low?: number | null; high?: number | null };

/** Draws a reported range (low–high) as an error bar through each point that has one. */
export const rangeBarsPlugin: Plugin<'line'> = {
  id: 'rangeBars',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const yScale = chart.scales.y;
    if (!yScale) return;
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) return;
      meta.data.forEach((element, j) => {
        const raw = dataset.data[j] as unknown as RangePoint | undefined;
        if (raw?.low == null || raw.high == null) return;
        const x = element.x;
        const top = yScale.getPixelForValue(raw.high);
        const bottom = yScale.getPixelForValue(raw.low);
        ctx.save();
        ctx.strokeStyle = String(dataset.borderColor ?? '#555');
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, bottom);
        ctx.moveTo(x - 5, top);
        ctx.lineTo(x + 5, top);
        ctx.moveTo(x - 5, bottom);
        ctx.lineTo(x + 5, bottom);
        ctx.stroke();
        ctx.restore();
      });
    });
  },
};

/** Writes each bar's figure as worded ("up to 9,900") at its end, so qualifiers stay visible. */
export const barLabelsPlugin = (labels: string[], colour: string): Plugin<'bar'> => ({
  id: 'barLabels',
  afterDatasetsDraw(chart) {
    const { ctx, chartArea } = chart;
    const meta = chart.getDatasetMeta(0);
    ctx.save();
    ctx.fillStyle = colour;
    ctx.font = '12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    meta.data.forEach((bar, i) => {
      const text = labels[i];
      if (!text) return;
      const width = ctx.measureText(text).width;
      // Inside the plot when there is room after the bar, else inside the bar's end.
      const fits = bar.x + 6 + width <= chartArea.right;
      ctx.textAlign = fits ? 'left' : 'right';
      ctx.fillStyle = fits ? colour : '#ffffff';
      ctx.fillText(text, fits ? bar.x + 6 : bar.x - 6, bar.y);
    });
    ctx.restore();
  },
});

type BoundPoint = { bound?: 'above' | 'below' | null };

/**
 * Pixels of a bound's arrow: beside the mark (the stepped line's rise runs through the mark
 * itself), starting a little above or below it, its shaft and the two strokes of its head.
 */
const ARROW = { side: 11, gap: 4, length: 14, head: 4 };

/**
 * The strokes of the arrow that says a number was given as a bound, from a mark at (x, y): up for
 * "more than" and "at least" (the true figure is above), down for "up to". Canvas y grows downwards.
 */
export function boundArrow(x: number, y: number, bound: 'above' | 'below'): Array<[number, number, number, number]> {
  const dir = bound === 'above' ? -1 : 1;
  const at = x + ARROW.side;
  const start = y + dir * ARROW.gap;
  const tip = start + dir * ARROW.length;
  return [
    [at, start, at, tip],
    [at - ARROW.head, tip - dir * ARROW.head, at, tip],
    [at + ARROW.head, tip - dir * ARROW.head, at, tip],
  ];
}

/** Draws an arrow beside each mark whose number is a bound, so "up to 9,900" is not read as 9,900. */
export const boundArrowsPlugin: Plugin<'line'> = {
  id: 'boundArrows',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) return;
      meta.data.forEach((element, j) => {
        const bound = (dataset.data[j] as unknown as BoundPoint | undefined)?.bound;
        if (!bound) return;
        ctx.save();
        ctx.strokeStyle = String(dataset.borderColor ?? '#555');
        ctx.lineWidth = 2;
        ctx.beginPath();
        for (const [x1, y1, x2, y2] of boundArrow(element.x, element.y, bound)) {
          ctx.moveTo(x1, y1);
          ctx.lineTo(x2, y2);
        }
        ctx.stroke();
        ctx.restore();
      });
    });
  },
};
