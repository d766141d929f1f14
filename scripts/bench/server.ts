import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export type BenchServer = {
  url: string;
  /** The process that listens on the port (Next's server), for its memory figures. */
  pid: number;
  stop: () => Promise<void>;
};

const TSX = path.join('node_modules', 'tsx', 'dist', 'cli.mjs');

/**
 * Serves `database` on `port` through the real start-up path (scripts/start.ts: migrate, build
 * if needed, scripts/serve.ts) and waits until /api/health answers. Output goes to `log`.
 */
export async function startServer(root: string, database: string, port: number, log: string): Promise<BenchServer> {
  // A server left on the port (say, by a bench that was killed) would answer in this one's place,
  // from its own database.
  const holder = listeningPid(port);
  if (holder !== undefined) throw new Error(`port ${port} is in use (process ${holder}); stop it, or choose other ports with --port`);
  const out = fs.openSync(log, 'w');
  // A process group of its own, so that stopping it stops Next's processes too.
  const child = spawn(process.execPath, [TSX, 'scripts/start.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, PORT: String(port), DATABASE_PATH: database, NEXT_TELEMETRY_DISABLED: '1' },
  });
  fs.closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = () => stopGroup(child, exited);
  try {
    await waitForHealth(url, child, log);
    const pid = listeningPid(port);
    if (pid === undefined) throw new Error(`no process is listening on port ${port}`);
    return { url, pid, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function waitForHealth(url: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}; see ${log}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`the server did not answer /api/health within 5 minutes; see ${log}`);
}

async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timeout = sleep(10_000).then(() => 'timeout' as const);
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
  }
}

/** The pid of the process listening on `port` on this machine, from /proc (no external tool). */
export function listeningPid(port: number): number | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is "ADDR:PORT"; state 0A is LISTEN; column 9 is the socket's inode.
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A' && cols[9]) inodes.add(cols[9]);
    }
  }
  if (!inodes.size) return undefined;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = fs.readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return Number(entry);
    }
  }
  return undefined;
}

/** A process's current and peak resident memory in bytes (VmRSS, VmHWM), from /proc. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/**
 * Resets the process's peak resident memory (VmHWM) to its current size, so the next peak read
 * is the peak since now (Linux: writing 5 to clear_refs). Returns false where that is refused.
 */
export function resetPeakMemory(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
