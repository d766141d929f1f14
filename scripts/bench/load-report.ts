import os from 'node:os';
import type { SaveLog } from './save-stream';
import type { SaveCheck } from './verify-saves';

/** One goal of the load test and whether this run met it. */
export type Goal = { goal: string; met: boolean; detail: string };

/** The readers' side of a run, as autocannon measured it. */
export type ReaderFigures = {
  requests: number;
  throughputRps: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  status5xx: number;
  statusCodes: Record<string, number>;
  /** Each path's requests sent and answered (the rest timed out or were still out at the end), and its latency. */
  perPath: Array<{ path: string; sent: number; answered: number; p50Ms: number; p99Ms: number }>;
};

/** The machine the run was measured on: the figures mean little without it. */
export function machine(): Record<string, string | number> {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    // Other work on the machine takes cores from the server: the figures are read against it.
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** The value at percentile `p` (nearest rank) of `values`; 0 for none. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/**
 * Every goal of the issue, judged on this run's figures. `targetSaves` is how many saves the
 * stream's interval calls for over the run; the pace counts as kept when at least 90% of them were
 * sent (timers drift on a busy machine) and no tick was skipped for too many unanswered saves.
 */
export function judge(readers: ReaderFigures, saves: SaveLog, check: SaveCheck, targetSaves: number): Goal[] {
  const problems = [...saves.refused, ...saves.failed].slice(0, 3).map((p) => `#${p.n}: ${p.message}`).join('; ');
  return [
    { goal: 'readers: no errors or timeouts', met: readers.errors === 0 && readers.timeouts === 0, detail: `${readers.errors} errors, ${readers.timeouts} timeouts` },
    { goal: 'readers: no 5xx (and no other non-2xx)', met: readers.status5xx === 0 && readers.non2xx === 0, detail: `${readers.status5xx} 5xx, ${readers.non2xx} non-2xx` },
    { goal: 'editor: kept the pace of saves', met: saves.attempted >= 0.9 * targetSaves && saves.skippedTicks === 0, detail: `${saves.attempted} sent of ${Math.round(targetSaves)} at the target pace, ${saves.skippedTicks} ticks skipped` },
    {
      goal: 'editor: every save acknowledged',
      met: saves.attempted > 0 && saves.saved.length === saves.attempted,
      detail: `${saves.saved.length}/${saves.attempted} acknowledged, ${check.unacknowledgedPresent} written without an answer in time${problems ? ` (${problems})` : ''}`,
    },
    { goal: 'database: integrity_check ok', met: check.integrity === 'ok', detail: check.integrity },
    { goal: 'database: every acknowledged save present', met: check.missing.length === 0, detail: `${check.acknowledged - check.missing.length}/${check.acknowledged} present` },
    {
      goal: 'database: exactly one audit entry each, nothing written twice',
      met: check.presentWithOneAuditEntry === check.acknowledged && check.wrongAuditCount.length === 0 && check.duplicates === 0,
      detail: `${check.presentWithOneAuditEntry} acknowledged with one entry; ${check.wrongAuditCount.length} saves with another count, ${check.duplicates} written twice`,
    },
  ];
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The run as a plain-text table for the terminal. */
export function table(readers: ReaderFigures, saves: SaveLog, durationS: number, goals: Goal[]): string {
  const saveMs = saves.saved.map((s) => s.ms);
  const rows: Array<[string, string]> = [
    ['reader requests', `${fmt(readers.requests)} (${fmt(readers.throughputRps, 1)} req/s)`],
    ['reader latency p50 / p90 / p99 / max', `${fmt(readers.latencyMs.p50)} / ${fmt(readers.latencyMs.p90)} / ${fmt(readers.latencyMs.p99)} / ${fmt(readers.latencyMs.max)} ms`],
    ['reader errors / timeouts / 5xx / non-2xx', `${readers.errors} / ${readers.timeouts} / ${readers.status5xx} / ${readers.non2xx}`],
    ['saves sent / acknowledged', `${saves.attempted} / ${saves.saved.length} (${fmt(saves.saved.length / durationS, 1)} saves/s, ${saves.skippedTicks} ticks skipped)`],
    ['save latency p50 / p99 / max', `${fmt(percentile(saveMs, 50))} / ${fmt(percentile(saveMs, 99))} / ${fmt(percentile(saveMs, 100))} ms (at most ${saves.maxInFlight} in flight)`],
    ...readers.perPath.map((p): [string, string] => [`  ${p.path}`, `${p.answered}/${p.sent} answered, p50 ${fmt(p.p50Ms)} ms, p99 ${fmt(p.p99Ms)} ms`]),
    ...goals.map((g): [string, string] => [`${g.met ? 'PASS' : 'FAIL'} ${g.goal}`, g.detail]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}
