'use client';
import dynamic from 'next/dynamic';
import { useEffect, useState, type ReactNode } from 'react';
import type { ChartSpec } from '@/lib/chart-spec';

const BarChart = dynamic(() => import('./bar-chart'), { ssr: false });
const TimelineChart = dynamic(() => import('./timeline-chart'), { ssr: false });

/**
 * The chart view of a panel. Until the script runs (or when it never does) it shows its
 * children, the server-rendered table with the same numbers, so the page reads without
 * JavaScript; once running it draws the chart in their place.
 */
export function ChartFigure({ spec, description, fileName, context, children }: { spec: ChartSpec; description: string; fileName: string; context: string; children: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return <>{children}</>;
  return spec.kind === 'bar' ? (
    <BarChart spec={spec} description={description} fileName={fileName} context={context} />
  ) : (
    <TimelineChart spec={spec} description={description} fileName={fileName} context={context} />
  );
}
