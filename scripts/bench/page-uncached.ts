import { timedGet } from './http-load';
import type { BudgetResult } from './result';
import { median, round } from './stats';

/** Changes, each followed by a render, before the measured ones. */
export const WARM_UP_CHANGES = 5;

export type UncachedPoint = { figures: number; medianMs: number; samplesMs: number[]; cachedMedianMs: number };

/**
 * Budget 2, one database: the first request for the page after each of `samples` changes
 * (each an admin-like write that bumps the data version), timed at the client on this machine,
 * next to the same request served from the cache; after WARM_UP_CHANGES changes not counted.
 */
export async function measureUncachedPage(
  url: string,
  figures: number,
  write: () => void,
  samples: number,
): Promise<UncachedPoint> {
  // A running server has rendered the page after changes before: the first few renders after
  // start-up also compile the code (V8's JIT), which is start-up time, not the page's. Not counted.
  for (let i = 0; i < WARM_UP_CHANGES; i++) {
    write();
    await timedGet(url);
  }
  const cached: number[] = [];
  const uncached: number[] = [];
  for (let i = 0; i < samples; i++) {
    write();
    const first = await timedGet(url);
    if (first.status !== 200) throw new Error(`${url} answered ${first.status}`);
    uncached.push(first.ms);
    cached.push((await timedGet(url)).ms);
  }
  return { figures, medianMs: round(median(uncached)), samplesMs: uncached.map((ms) => round(ms, 1)), cachedMedianMs: round(median(cached)) };
}

/** How much slower the largest database may be than the smallest and still count as "not growing". */
export const GROWTH_TOLERANCE = 1.5;

/**
 * Budget 2 from the points of every database: the median at the largest ≤ 50 ms, and no growth
 * with the number of other events (largest ≤ GROWTH_TOLERANCE × smallest, allowing for noise).
 */
export function uncachedBudget(points: UncachedPoint[], sizeLabel: (n: number) => string): BudgetResult {
  const first = points[0]!;
  const last = points.at(-1)!;
  const growth = last.medianMs / first.medianMs;
  return {
    budget: 2,
    name: 'Event page, uncached (first request after a change)',
    target: `median ≤ 50 ms for a 10,000-figure event at ${sizeLabel(last.figures)} figures; no growth with other events (≤ ${GROWTH_TOLERANCE}× the smallest)`,
    measured: `${points.map((p) => `${sizeLabel(p.figures)}: ${p.medianMs} ms`).join(', ')} (${round(growth)}× the smallest)`,
    met: last.medianMs <= 50 && growth <= GROWTH_TOLERANCE,
    details: { points, growth: round(growth, 3), measuredAt: 'client on the same machine: request sent to body read, localhost' },
  };
}
