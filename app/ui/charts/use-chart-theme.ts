'use client';
import { useEffect, useState } from 'react';
import type { ColourScheme } from './palette';

export type ChartTheme = { fg: string; muted: string; grid: string; bg: string; scheme: ColourScheme };

const DARK = '(prefers-color-scheme: dark)';

const read = (): ChartTheme => {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  // The scheme by the query the style sheet sets its colours by, so lines and page go together.
  const scheme = window.matchMedia(DARK).matches ? 'dark' : 'light';
  return { fg: v('--fg', '#1a1a1a'), muted: v('--muted', '#555555'), grid: v('--border', '#d0d0d0'), bg: v('--bg', '#ffffff'), scheme };
};

/** The page's colours (they follow the system's dark mode), re-read when the mode changes. */
export function useChartTheme(): ChartTheme | null {
  const [theme, setTheme] = useState<ChartTheme | null>(null);
  useEffect(() => {
    setTheme(read());
    const query = window.matchMedia(DARK);
    const update = () => setTheme(read());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return theme;
}
