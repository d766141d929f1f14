import type { ReportStatus } from './dashboard';

/**
 * What a chart draws, as plain data: built on the server from the same rows as the chart's
 * table, and handed to the client chart components, which only draw it.
 */
export type BarSpec = {
  kind: 'bar';
  id: string;
  title: string;
  unit: string;
  bars: Array<{
    label: string;
    /** Floating bar from low to high; a single number is 0 to that number. */
    low: number;
    high: number;
    /**
     * A number the source gave as a bound: the true figure lies beyond the bar's end ("more
     * than", "at least") or short of it ("up to"). Such a bar is drawn hollow, so that it is not
     * read as the number itself; its words say which.
     */
    bound: 'above' | 'below' | null;
    wording: string;
    citation: string;
  }>;
};

export type TimelinePoint = {
  /** Reported-on date, YYYY-MM-DD. */
  date: string;
  /** Where the point sits: the number, or the middle of a range. */
  value: number;
  low: number | null;
  high: number | null;
  /**
   * A range the source gave without a best number: the point sits in its middle only to carry
   * the line, and no mark is drawn there (the range's bar is), since the source gave no such number.
   */
  midpoint: boolean;
  status: ReportStatus;
  /** A number the source gave as a bound: the true one is above it ("more than", "at least") or below it ("up to"). */
  bound: 'above' | 'below' | null;
  wording: string;
  citation: string;
};

export type TimelineSpec = {
  kind: 'timeline';
  id: string;
  title: string;
  unit: string;
  /** tone: the line's colour and shape, from 0 (toneOf in chart-data.ts). */
  series: Array<{ label: string; points: TimelinePoint[]; tone: number }>;
  /** Reports of the lines shown that give no number ("being determined"): in the table, not drawn. */
  unnumbered?: number;
};

export type ChartSpec = BarSpec | TimelineSpec;
