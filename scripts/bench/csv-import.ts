import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@/db/index';
import { migrateDatabase } from '@/db/migrate';
import { copyEvents } from '@/db/queries/synth';
import { seedCatalogMetrics } from '@/lib/seed';
import type { BudgetResult } from './result';
import { median, round } from './stats';

/**
 * Budget 5: the export of a synthetic database (`fromDb`, every figure) imported into an empty
 * database that holds only its catalog (metrics and events; sources are created by the import),
 * with the importer's full validation, `runs` times into fresh copies. Each import runs in a
 * child process (import-worker.ts); BENCH_CPU_PROF=DIR writes a CPU profile of each into DIR.
 * After each import, its baseline: the same figures written by the import's statements alone,
 * with nothing read or checked (import-floor-worker.ts), into another fresh copy.
 */
export function measureImport(root: string, workDir: string, fromDb: string, runs: number): BudgetResult {
  // The bench's own work file, made again each run: replaced (--force).
  const csv = path.join(workDir, 'import.csv');
  const exported = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/export.ts', '--status', 'all', '--out', csv, '--force'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_PATH: fromDb },
  });
  if (exported.status !== 0) throw new Error(`npm run export failed:\n${exported.stderr}`);

  const catalog = path.join(workDir, 'import-catalog.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(catalog + suffix, { force: true });
  const db = openDatabase(catalog);
  migrateDatabase(db);
  seedCatalogMetrics(db);
  copyEvents(db, fromDb);
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();

  const profile = process.env.BENCH_CPU_PROF;
  const samples: number[] = [];
  const baselineSamples: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const out = runWorker<{ ms: number; rowsRead: number; created: number; errors: unknown[] }>(root, workDir, catalog, `import-${i}`, profile, ['scripts/bench/import-worker.ts', csv]);
    if (out.errors.length || out.created !== out.rowsRead) throw new Error(`the import did not create every row: ${JSON.stringify(out)}`);
    rows = out.rowsRead;
    samples.push(out.ms);
    // Side by side with each import: the same figures written by the import's statements alone.
    const floor = runWorker<{ ms: number; created: number }>(root, workDir, catalog, `import-baseline-${i}`, undefined, ['scripts/bench/import-floor-worker.ts', fromDb]);
    if (floor.created !== rows) throw new Error(`the baseline wrote ${floor.created} figures, the import ${rows}`);
    baselineSamples.push(floor.ms);
  }
  const ms = median(samples);
  const rate = rows / (ms / 1000);
  const baselineRate = rows / (median(baselineSamples) / 1000);
  return {
    budget: 5,
    name: 'Import with full validation',
    target: `≥ 100,000 rows/s (${rows.toLocaleString('en-US')} rows here; the issue's are 100,000)`,
    measured: `${Math.round(rate).toLocaleString('en-US')} rows/s (${rows.toLocaleString('en-US')} rows in ${round(ms / 1000)} s); its writes alone ${Math.round(baselineRate).toLocaleString('en-US')} rows/s`,
    met: rate >= 100_000,
    details: {
      rows,
      csvBytes: fs.statSync(csv).size,
      medianMs: round(ms, 1),
      samplesMs: samples.map((s) => round(s, 1)),
      rowsPerSec: Math.round(rate),
      // The baseline: the import's SQL (sources, stage, figures, audit entries, summaries, commit)
      // on the same figures with no reading or validation (import-floor-worker.ts).
      writesOnlyMedianMs: round(median(baselineSamples), 1),
      writesOnlySamplesMs: baselineSamples.map((s) => round(s, 1)),
      writesOnlyRowsPerSec: Math.round(baselineRate),
      ratioToWritesOnly: round(rate / baselineRate),
    },
  };
}

/** Runs a bench worker on a fresh copy of `catalog` and returns the JSON it prints last. */
function runWorker<T>(root: string, workDir: string, catalog: string, name: string, profile: string | undefined, args: string[]): T {
  const target = path.join(workDir, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.copyFileSync(catalog, target);
  const [script, ...rest] = args;
  // tsx's CLI runs the script in a child process; loading tsx as a hook keeps it in this one, so
  // that --cpu-prof profiles the import itself.
  const run = spawnSync(process.execPath, [...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []), '--import', 'tsx', script!, target, ...rest], { cwd: root, encoding: 'utf8' });
  try {
    if (run.status !== 0) throw new Error(`${script} failed:\n${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as T;
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  }
}
