import { parseArgs } from 'node:util';

export const MEASUREMENTS = ['cached', 'uncached', 'freshness', 'export', 'import', 'js'] as const;
export type Measurement = (typeof MEASUREMENTS)[number];

export type BenchOptions = {
  only: ReadonlySet<Measurement>;
  quick: boolean;
  /** Total figures of the synthetic databases, smallest first; the last is "the large one". */
  sizes: number[];
  /** Seconds of each autocannon run. */
  loadSeconds: number;
  /** autocannon's concurrent connections. */
  connections: number;
  /** Rounds of page-then-static load runs; the medians of the rounds are compared. */
  loadRounds: number;
  /** Changes (data-version bumps) timed per database for the uncached page. */
  uncachedSamples: number;
  /** Timed exports at the largest size (and sqlite3 runs for the baseline). */
  exportRuns: number;
  /**
   * Timed exports at the smaller sizes: a run there takes a second or less, so that one slow
   * moment of the shared machine moves a median of three, and with it the linearity check.
   */
  smallExportRuns: number;
  /** Rows of the import file, and timed imports of it. */
  importRows: number;
  importRuns: number;
  /** Milliseconds between two admin-like writes in the freshness run. */
  writeEveryMs: number;
  /** The first port of the range the bench may use. */
  port: number;
};

export const USAGE = `usage: npm run bench -- [--quick] [--only ${MEASUREMENTS.join(',')}] [--port N]
  --quick   smaller databases (10k, 30k, 100k figures) and shorter runs, for development
  --only    run only these measurements (comma-separated); the default runs all of them
  --port    first port to use (default 3617; the bench uses one port at a time)`;

/** The bench's options from its command-line arguments; throws with a message for bad ones. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  if (values.help) throw new Error(USAGE);
  const only = new Set<Measurement>();
  for (const name of (values.only ?? MEASUREMENTS.join(',')).split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!(MEASUREMENTS as readonly string[]).includes(name)) throw new Error(`--only: unknown measurement "${name}"; choose from ${MEASUREMENTS.join(', ')}.`);
    only.add(name as Measurement);
  }
  const port = Number(values.port ?? 3617);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}".`);
  const quick = values.quick;
  return {
    only,
    quick,
    // Every database has events of 10,000 figures (npm run synth's default share), so the
    // "10,000-figure event" is the same size in each; only the number of other events grows.
    sizes: quick ? [10_000, 30_000, 100_000] : [10_000, 100_000, 1_000_000],
    loadSeconds: quick ? 3 : 8,
    connections: 10,
    loadRounds: quick ? 2 : 3,
    uncachedSamples: quick ? 7 : 31,
    exportRuns: 3,
    smallExportRuns: 7,
    importRows: quick ? 30_000 : 100_000,
    importRuns: 3,
    writeEveryMs: 500,
    port,
  };
}
