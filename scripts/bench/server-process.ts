import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A production server started through `npm start`'s script, in a process group of its own. */
export type ServerProcess = {
  baseUrl: string;
  /** Everything the server printed so far. */
  output: () => string;
  /** Signals the whole group (the tsx wrapper and the server process, scripts/serve.ts) and waits until none is left. */
  stop: (signal: 'SIGTERM' | 'SIGKILL') => Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs scripts/start.ts (migrate, seed when empty, build when needed, serve) on `port` and
 * `databasePath`, and resolves once /api/health answers 200. Spawned detached, so the server's
 * processes form one group that `stop` can signal together.
 */
export async function startServer(opts: { port: number; databasePath: string; root?: string; timeoutMs?: number }): Promise<ServerProcess> {
  const root = opts.root ?? process.cwd();
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  // Something else answering on the port would pass for this server: refuse to start over it.
  if ((await fetch(`${baseUrl}/api/health`).then(() => true, () => false))) throw new Error(`Port ${opts.port} is already serving; choose another.`);
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(opts.port), DATABASE_PATH: opts.databasePath, NEXT_TELEMETRY_DISABLED: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const pgid = child.pid as number;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (signal: 'SIGTERM' | 'SIGKILL') => {
    if (groupAlive(pgid)) process.kill(-pgid, signal);
    // A server that does not finish shutting down within 15 s is killed, so no run hangs on it.
    const timer = setTimeout(() => groupAlive(pgid) && process.kill(-pgid, 'SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
    for (let i = 0; i < 200 && groupAlive(pgid); i++) await sleep(50);
    if (groupAlive(pgid)) throw new Error(`Process group ${pgid} is still alive after ${signal}.`);
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 600_000);
  let ended = false;
  void exited.then(() => (ended = true));
  while (Date.now() < deadline && !ended) {
    const status = await fetch(`${baseUrl}/api/health`).then((r) => r.status, () => 0);
    if (status === 200) return { baseUrl, output: () => output, stop };
    await sleep(250);
  }
  await stop('SIGTERM').catch(() => undefined);
  throw new Error(`The server on port ${opts.port} did not become healthy${ended ? ' (it exited)' : ''}. Its output:\n${output}`);
}
