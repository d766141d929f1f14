import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { figureExportQuery } from '@/db/queries/figure-export';
import { SQLITE3 } from './prerequisites';
import { memoryOf, resetPeakMemory } from './server';
import { median, round } from './stats';

export type ExportRun = { ms: number; bytes: number; rows: number };

// The export of every figure, retracted ones too, so that a database of N figures exports N rows.
const ALL = { status: 'all', group: '', location: '' } as const;

/** Bytes and CSV records (CRLF-terminated lines, header included) of a byte stream. */
async function countStream(chunks: AsyncIterable<Uint8Array>): Promise<{ bytes: number; lines: number }> {
  let bytes = 0;
  let lines = 0;
  for await (const chunk of chunks) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    bytes += buf.length;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) lines++;
  }
  return { bytes, lines };
}

/** One GET /api/figures.csv of every figure, read to the end; time, bytes and data rows. */
export async function httpExport(baseUrl: string): Promise<ExportRun> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/figures.csv?status=all`, { headers: { 'accept-encoding': 'identity' } });
  if (res.status !== 200 || !res.body) throw new Error(`/api/figures.csv answered ${res.status}`);
  const { bytes, lines } = await countStream(Readable.fromWeb(res.body as NodeWebStream<Uint8Array>));
  return { ms: performance.now() - started, bytes, rows: lines - 1 };
}

/**
 * The baseline: Debian's sqlite3 running the export's own statement (figureExportQuery) on the
 * same file in CSV mode with a header, its output read by this process as the HTTP body is.
 */
export async function sqliteExport(file: string): Promise<ExportRun> {
  const { sql, params } = figureExportQuery(ALL);
  const script = [...Object.entries(params).map(([name, value]) => `.parameter set @${name} ${value}`), `${sql};`, ''].join('\n');
  const started = performance.now();
  const child = spawn(SQLITE3, ['-readonly', '-csv', '-header', file], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(script);
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const { bytes, lines } = await countStream(child.stdout as Readable);
  const code = await exited;
  if (code !== 0) throw new Error(`sqlite3 exited with ${code}`);
  return { ms: performance.now() - started, bytes, rows: lines - 1 };
}

/**
 * The HTTP export while sampling the server's resident memory: the growth is the highest of
 * the sampled VmRSS and the kernel's peak (VmHWM, reset just before) over VmRSS before.
 */
export async function httpExportWithMemory(baseUrl: string, pid: number): Promise<ExportRun & { rssBefore: number; peakGrowth: number; peakFromKernel: boolean }> {
  const kernelPeak = resetPeakMemory(pid);
  const before = memoryOf(pid).rss;
  let sampled = before;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, memoryOf(pid).rss);
  }, 50);
  try {
    const run = await httpExport(baseUrl);
    const after = memoryOf(pid);
    const peak = Math.max(sampled, after.rss, kernelPeak ? after.peak : 0);
    return { ...run, rssBefore: before, peakGrowth: peak - before, peakFromKernel: kernelPeak };
  } finally {
    clearInterval(timer);
  }
}

/** Median time of `runs` runs, and the rows they returned (all runs must agree). */
export async function medianRun(runs: number, once: () => Promise<ExportRun>): Promise<{ ms: number; rows: number; bytes: number; samplesMs: number[] }> {
  const results: ExportRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await once());
  const rows = results[0]!.rows;
  if (results.some((r) => r.rows !== rows)) throw new Error(`the export runs returned different row counts: ${results.map((r) => r.rows).join(', ')}`);
  return { ms: round(median(results.map((r) => r.ms)), 1), rows, bytes: results[0]!.bytes, samplesMs: results.map((r) => round(r.ms, 1)) };
}
