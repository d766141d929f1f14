'use client';
import { useEffect, useState } from 'react';

export type ChartTheme = { fg: string; muted: string; grid: string; bg: string };

const read = (): ChartTheme => {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { fg: v('--fg', '#1a1a1a'), muted: v('--muted', '#555555'), grid: v('--border', '#d0d0d0'), bg: v('--bg', '#ffffff') };
};

/** The page's colours (they follow the system's dark mode), re-read when the mode changes. */
export function useChartTheme(): ChartTheme | null {
  const [theme, setTheme] = useState<ChartTheme | null>(null);
  useEffect(() => {
    setTheme(read());
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => setTheme(read());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return theme;
}
