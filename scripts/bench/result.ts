/** One budget's outcome as the table and bench.json report it. */
export type BudgetResult = {
  /** The budget number, 1 to 6. */
  budget: number;
  name: string;
  /** The budget in words, as the issue states it. */
  target: string;
  /** The measured figure in words, e.g. "0.91× static (2,310 vs 2,540 req/s)". */
  measured: string;
  /** true: met; false: NOT met; null: could not be measured (see `details`). */
  met: boolean | null;
  /** Every number behind the verdict: medians, samples, baselines, ratios. */
  details: Record<string, unknown>;
};

/** "met" / "NOT met" / "not measured", as printed. */
export function verdict(met: boolean | null): string {
  return met === null ? 'not measured' : met ? 'met' : 'NOT met';
}
