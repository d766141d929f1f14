/** Small numeric helpers shared by the measurements. */

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds since `start` (a performance.now() reading). */
export function since(start: number): number {
  return performance.now() - start;
}

/** A number rounded to `digits` decimals, for the JSON and the table. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The slope-free check of linear growth: time per row at each size, relative to the largest size's. */
export function perRowRatios(points: Array<{ rows: number; ms: number }>): number[] {
  const last = points.at(-1);
  if (!last) return [];
  const ref = last.ms / last.rows;
  return points.map((p) => round(p.ms / p.rows / ref, 2));
}
