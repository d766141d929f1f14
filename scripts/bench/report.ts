import fs from 'node:fs';
import path from 'node:path';
import type { MachineInfo } from './machine';
import { verdict, type BudgetResult } from './result';

export type BenchReport = {
  startedAt: string;
  seconds: number;
  options: Record<string, unknown>;
  machine: MachineInfo;
  results: BudgetResult[];
};

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/** The human-readable summary: the machine, then one line per budget with its status. */
export function formatReport(report: BenchReport): string {
  const m = report.machine;
  const rows = [...report.results].sort((a, b) => a.budget - b.budget).map((r) => [String(r.budget), r.name, r.target, r.measured, verdict(r.met)]);
  return [
    `Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, SQLite ${m.sqliteLibrary} (CLI ${m.sqliteCli ?? 'missing'}), load ${m.loadAverage.join(' ')}`,
    `Run: ${report.startedAt}, ${Math.round(report.seconds)} s${report.options.quick ? ', --quick' : ''}`,
    '',
    table(['#', 'measurement', 'budget', 'measured (medians)', 'status'], rows),
  ].join('\n');
}

/** Writes the report as JSON to `file` (its folder created when missing). */
export function writeReport(file: string, report: BenchReport): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
