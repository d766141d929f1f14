import type { BudgetResult } from './result';
import { perRowRatios, round } from './stats';

export type ExportPoint = {
  figures: number;
  rows: number;
  bytes: number;
  httpMs: number;
  httpSamplesMs: number[];
  sqliteMs: number;
  sqliteSamplesMs: number[];
  /** Highest growth of the server's resident memory over the runs at this size, in bytes. */
  peakGrowthBytes: number;
};

/** How much more time per row the largest export may take than the one before it, and still be linear. */
export const LINEAR_TOLERANCE = 1.25;

/**
 * Budget 4 from the points of every size: at the largest, the HTTP export's throughput at least
 * half of sqlite3's on the same query and file, the server's memory growth under 100 MB, and
 * time per row not growing with size (largest ≤ LINEAR_TOLERANCE × the previous size's).
 */
export function exportBudget(points: ExportPoint[], sizeLabel: (n: number) => string): BudgetResult {
  const last = points.at(-1)!;
  const previous = points.at(-2) ?? last;
  const ratio = last.sqliteMs / last.httpMs;
  const perRow = (p: ExportPoint) => p.httpMs / p.rows;
  const linearity = perRow(last) / perRow(previous);
  // SQLite's own growth on the same query and files, for reading the check (not part of it).
  const sqliteLinearity = last.sqliteMs / last.rows / (previous.sqliteMs / previous.rows);
  const growthMb = last.peakGrowthBytes / 1024 ** 2;
  return {
    budget: 4,
    name: 'CSV export of every figure',
    target: `at ${sizeLabel(last.figures)}: ≥ 0.5× sqlite3 -csv throughput, peak memory growth < 100 MB, time linear in rows`,
    measured: `${round(ratio)}× sqlite3 (${round(last.httpMs / 1000)} s vs ${round(last.sqliteMs / 1000)} s), +${round(growthMb, 1)} MB peak; ${points
      .map((p) => `${sizeLabel(p.figures)}: ${round(p.httpMs / 1000, 2)} s`)
      .join(', ')}; a row at ${sizeLabel(last.figures)} took ${round(linearity, 2)}× the time of one at ${sizeLabel(previous.figures)} (sqlite3: ${round(sqliteLinearity, 2)}×)`,
    met: ratio >= 0.5 && growthMb < 100 && linearity <= LINEAR_TOLERANCE,
    details: {
      points,
      throughputRatio: round(ratio, 3),
      httpRowsPerSec: Math.round(last.rows / (last.httpMs / 1000)),
      sqliteRowsPerSec: Math.round(last.rows / (last.sqliteMs / 1000)),
      peakGrowthMB: round(growthMb, 1),
      timePerRowRelativeToLargest: perRowRatios(points.map((p) => ({ rows: p.rows, ms: p.httpMs }))),
      linearity: round(linearity, 3),
      sqliteLinearity: round(sqliteLinearity, 3),
    },
  };
}
