import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import { SQLITE3 } from './prerequisites';

export type MachineInfo = {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  sqliteLibrary: string;
  sqliteCli: string | null;
  loadAverage: number[];
  platform: string;
};

/** What the numbers were measured on: they mean little without it. */
export function describeMachine(): MachineInfo {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const memory = new Database(':memory:');
  const sqliteLibrary = (memory.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  memory.close();
  const cli = spawnSync(SQLITE3, ['-version'], { encoding: 'utf8' });
  return {
    cpus: os.availableParallelism(),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    sqliteLibrary,
    sqliteCli: cli.status === 0 ? cli.stdout.trim().split(' ')[0] ?? null : null,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    platform: `${os.type()} ${os.release()}`,
  };
}
