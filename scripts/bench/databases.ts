import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const TSX = path.join('node_modules', 'tsx', 'dist', 'cli.mjs');

/** The slug npm run synth gives its first event (seed 1): an event of 10,000 figures. */
export const BIG_EVENT_SLUG = 'synth-1-event-00001';
/** Another event of every synthetic database: its page must stay cached while BIG_EVENT_SLUG's figures change. */
export const OTHER_EVENT_SLUG = 'synth-1-event-00002';

/** "10k", "100k", "1M": the label of a database size in the table. */
export function sizeLabel(figures: number): string {
  return figures >= 1_000_000 ? `${figures / 1_000_000}M` : `${figures / 1000}k`;
}

/**
 * A fresh synthetic database of `figures` figures (npm run synth, seed 1: events of 10,000
 * figures each) at `dir/<label>.db`, replacing any earlier one. Returns its path and the seconds
 * the generator took.
 */
export function makeSynthDatabase(root: string, dir: string, figures: number): { file: string; seconds: number } {
  const file = path.join(dir, `${sizeLabel(figures)}.db`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, [TSX, 'scripts/synth.ts', '--figures', String(figures), '--seed', '1'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_PATH: file },
  });
  if (run.status !== 0) throw new Error(`npm run synth -- --figures ${figures} failed:\n${run.stderr}`);
  return { file, seconds: (performance.now() - started) / 1000 };
}
