import type { Chart, ChartType, Plugin } from 'chart.js';

/**
 * What the plugins below draw comes from the chart's options (`options.plugins[id]`), never from
 * the plugin itself: react-chartjs-2 gives a chart its plugins once, when it is made, and after
 * that only updates its data and options. A plugin holding its own labels kept the first tab's
 * numbers on the bars (and in the PNG) after the reader switched to another tab.
 */
declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    /** The page's background colour, painted under the chart. */
    pageBackground?: { colour: string };
    /** Each bar's figure as worded, in the bars' order, and the colour to write it in. */
    barLabels?: { labels: string[]; colour: string; hollow?: boolean[] };
  }
}

/** Paints the page's background under the chart, so a downloaded PNG is not transparent. */
export const backgroundPlugin: Plugin = {
  id: 'pageBackground',
  beforeDraw(chart: Chart, _args, options: { colour?: string }) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = options.colour ?? '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

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
export const barLabelsPlugin: Plugin<'bar'> = {
  id: 'barLabels',
  afterDatasetsDraw(chart, _args, options: { labels?: string[]; colour?: string; hollow?: boolean[] }) {
    const { ctx, chartArea } = chart;
    const labels = options.labels ?? [];
    const colour = options.colour ?? '#000000';
    const hollow = options.hollow ?? [];
    const meta = chart.getDatasetMeta(0);
    ctx.save();
    ctx.fillStyle = colour;
    ctx.font = '12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    meta.data.forEach((bar, i) => {
      const text = labels[i];
      if (!text) return;
      const width = ctx.measureText(text).width;
      // Inside the plot when there is room after the bar, else inside the bar's end: white on a
      // full bar, the page's text colour in a hollow one (a bound's), whose inside is the page's.
      const fits = bar.x + 6 + width <= chartArea.right;
      ctx.textAlign = fits ? 'left' : 'right';
      ctx.fillStyle = fits || hollow[i] ? colour : '#ffffff';
      ctx.fillText(text, fits ? bar.x + 6 : bar.x - 6, bar.y);
    });
    ctx.restore();
  },
};

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
