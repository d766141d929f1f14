'use client';
import type { Chart } from 'chart.js';
import type { RefObject } from 'react';
import { SITE_NAME } from '@/lib/page-citation';
import { chartAddress, creditLayout, localIsoDate, pngFileName, type CreditLine, type CreditStyle } from './png-credit';
import type { ChartTheme } from './use-chart-theme';

/** What the saved image says about the chart, besides the chart itself. */
export type PngCredit = { chartId: string; title: string; context?: string; subtitles: string[]; citations: string[] };

const PAD = 16;
const GAP = 10;
const TYPE: Record<CreditStyle, { size: number; weight: number; lineHeight: number; colour: 'fg' | 'muted' }> = {
  title: { size: 18, weight: 700, lineHeight: 24, colour: 'fg' },
  context: { size: 14, weight: 600, lineHeight: 20, colour: 'fg' },
  subtitle: { size: 13, weight: 400, lineHeight: 18, colour: 'muted' },
  sources: { size: 13, weight: 400, lineHeight: 18, colour: 'fg' },
  credit: { size: 12, weight: 400, lineHeight: 17, colour: 'muted' },
};

const blockHeight = (lines: CreditLine[]) => lines.reduce((h, l) => h + TYPE[l.style].lineHeight, 0);

/**
 * The chart drawn on a larger canvas of the page's background with its title above and its
 * sources, address and date of download below, so the picture carries its citation. The chart
 * on the page is only read, never changed.
 */
function creditedImage(chart: Chart, credit: PngCredit, theme: ChartTheme): string | null {
  const source = chart.canvas;
  const ratio = chart.currentDevicePixelRatio || 1;
  const width = source.width / ratio;
  const height = source.height / ratio;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx || !width || !height) return null;
  const family = getComputedStyle(document.body).fontFamily || 'system-ui, sans-serif';
  const font = (style: CreditStyle) => `${TYPE[style].weight} ${TYPE[style].size}px ${family}`;
  const measure = (text: string, style: CreditStyle) => {
    ctx.font = font(style);
    return ctx.measureText(text).width;
  };
  const { above, below } = creditLayout(
    { ...credit, siteName: SITE_NAME, url: chartAddress(window.location.href, credit.chartId), downloadedOn: localIsoDate(new Date()) },
    width - 2 * PAD,
    measure,
  );
  const top = PAD + blockHeight(above) + GAP;
  const total = top + height + GAP + blockHeight(below) + PAD;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(total * ratio);
  ctx.scale(ratio, ratio);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, width, total);
  ctx.drawImage(source, 0, top, width, height);
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(PAD, top + height + GAP / 2);
  ctx.lineTo(width - PAD, top + height + GAP / 2);
  ctx.stroke();
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  const draw = (lines: CreditLine[], y: number) => {
    for (const line of lines) {
      const type = TYPE[line.style];
      ctx.font = font(line.style);
      ctx.fillStyle = theme[type.colour];
      // The baseline sits about a fifth of the line above its bottom.
      ctx.fillText(line.text, PAD, y + type.lineHeight - Math.round(type.lineHeight * 0.22));
      y += type.lineHeight;
    }
  };
  draw(above, PAD);
  draw(below, top + height + GAP);
  return canvas.toDataURL('image/png');
}

/** Saves the chart as a PNG named after it, with its title, sources, address and date drawn in. */
export function PngButton({ chartRef, fileName, credit, theme }: { chartRef: RefObject<Chart | null>; fileName: string; credit: PngCredit; theme: ChartTheme }) {
  const download = () => {
    const chart = chartRef.current;
    if (!chart) return;
    const link = document.createElement('a');
    link.href = creditedImage(chart, credit, theme) ?? chart.toBase64Image('image/png', 1);
    link.download = pngFileName(fileName, credit.title);
    link.click();
  };
  return (
    <button type="button" className="chart-action" onClick={download}>
      {/* Three charts, three such buttons: each is named after its chart for a screen reader. */}
      Download PNG<span className="visually-hidden"> of {credit.title}</span>
    </button>
  );
}
