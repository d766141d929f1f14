import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticHtml } from '@/scripts/bench/build';
import { exportBudget, type ExportPoint } from '@/scripts/bench/export-budget';
import { parseBenchOptions } from '@/scripts/bench/options';
import { uncachedBudget } from '@/scripts/bench/page-uncached';
import { startServer } from '@/scripts/bench/server';
import { median } from '@/scripts/bench/stats';

const label = (n: number) => `${n / 1000}k`;

describe('bench helpers', () => {
  it('takes the median of odd and even counts, without reordering the input', () => {
    const values = [5, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('makes a static baseline of exactly the page size asked for', () => {
    for (const bytes of [200, 4096, 491_123]) expect(Buffer.byteLength(staticHtml(bytes))).toBe(bytes);
  });

  it('refuses to start a server on a port another process holds, whose answers would not be its own', async () => {
    const holder = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
    try {
      const { port } = holder.address() as AddressInfo;
      const log = path.join(os.tmpdir(), `bench-port-${process.pid}.log`);
      await expect(startServer(process.cwd(), path.join(os.tmpdir(), 'never-made.db'), port, log)).rejects.toThrow(`port ${port} is in use (process ${process.pid})`);
    } finally {
      holder.close();
    }
  });

  it('runs everything by default, and refuses an unknown measurement', () => {
    expect([...parseBenchOptions([]).only]).toEqual(['cached', 'uncached', 'freshness', 'export', 'import', 'js']);
    expect([...parseBenchOptions(['--only', 'export,import']).only]).toEqual(['export', 'import']);
    expect(parseBenchOptions(['--quick']).sizes.at(-1)).toBeLessThan(parseBenchOptions([]).sizes.at(-1)!);
    expect(() => parseBenchOptions(['--only', 'exports'])).toThrow(/unknown measurement "exports"/);
  });
});

describe('budget verdicts', () => {
  const point = (figures: number, medianMs: number) => ({ figures, medianMs, samplesMs: [medianMs], cachedMedianMs: 1 });

  it('budget 2 needs both the 50 ms median at the largest size and no growth with size', () => {
    expect(uncachedBudget([point(10_000, 30), point(1_000_000, 40)], label).met).toBe(true);
    expect(uncachedBudget([point(10_000, 30), point(1_000_000, 51)], label).met).toBe(false);
    expect(uncachedBudget([point(10_000, 10), point(1_000_000, 40)], label).met).toBe(false);
  });

  it('budget 4 needs half of sqlite3’s throughput, < 100 MB growth and linear time', () => {
    const p = (rows: number, httpMs: number, sqliteMs: number, growthMb = 10): ExportPoint => ({
      figures: rows, rows, bytes: rows * 300, httpMs, httpSamplesMs: [httpMs], sqliteMs, sqliteSamplesMs: [sqliteMs], peakGrowthBytes: growthMb * 1024 ** 2,
    });
    expect(exportBudget([p(100_000, 180, 100), p(1_000_000, 1800, 1000)], label).met).toBe(true);
    expect(exportBudget([p(100_000, 180, 100), p(1_000_000, 2100, 1000)], label).met).toBe(false);
    expect(exportBudget([p(100_000, 180, 100), p(1_000_000, 1800, 1000, 120)], label).met).toBe(false);
    expect(exportBudget([p(100_000, 100, 100), p(1_000_000, 1800, 1000)], label).met).toBe(false);
    // Beside its own growth, it says SQLite's on the same query, to read a failed check by.
    expect(exportBudget([p(100_000, 100, 100), p(1_000_000, 1800, 1500)], label).measured).toMatch(/took 1\.8× the time of one at .+ \(sqlite3: 1\.5×\)$/);
  });
});
