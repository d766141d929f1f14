import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

// Runs in the child: its own better-sqlite3 connection takes the lock and keeps it until told
// to let go on stdin, or after `holdMs` (the test's own process may be blocked in a synchronous
// SQLite wait meanwhile), or, so that a failed test never leaves it behind, after a minute.
const HOLDER = `
const [file, holdMs] = process.argv.slice(1);
const Database = require('better-sqlite3');
const db = new Database(file);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
const release = () => { db.exec('ROLLBACK'); db.close(); process.exit(0); };
process.stdin.on('data', release);
process.stdin.on('end', release);
setTimeout(release, Number(holdMs) || 60_000);
`;

/** A write lock on `file` held by another process, as a busy server or script would hold it. */
export type WriteLock = { child: ChildProcess; release: () => Promise<void> };

/**
 * Starts a child process whose own connection runs `BEGIN IMMEDIATE` on `file` and holds the
 * write lock; resolves once the lock is taken. It lets go by itself after `holdMs` when given;
 * `release` rolls back now and waits for the child to exit.
 */
export async function holdWriteLock(file: string, opts: { holdMs?: number } = {}): Promise<WriteLock> {
  const args = ['-e', HOLDER, file, String(opts.holdMs ?? 0)];
  const child = spawn(process.execPath, args, { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('locked')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code}) before taking the lock`)));
    child.once('error', reject);
  });
  const exited = once(child, 'exit');
  // A child that already let go by itself has closed its stdin: telling it again is not an error.
  child.stdin!.on('error', () => {});
  return {
    child,
    release: async () => {
      if (child.exitCode === null) child.stdin!.end('release\n');
      await exited;
    },
  };
}
