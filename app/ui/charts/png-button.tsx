'use client';
import type { Chart } from 'chart.js';
import type { RefObject } from 'react';

/** Saves the chart as a PNG named after it. */
export function PngButton({ chartRef, fileName }: { chartRef: RefObject<Chart | null>; fileName: string }) {
  const download = () => {
    const chart = chartRef.current;
    if (!chart) return;
    const link = document.createElement('a');
    link.href = chart.toBase64Image('image/png', 1);
    link.download = `${fileName}.png`;
    link.click();
  };
  return (
    <button type="button" className="chart-action" onClick={download}>
      Download PNG
    </button>
  );
}
