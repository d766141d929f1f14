import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Measurement } from './options';

type Prerequisite = { what: string; neededBy: Measurement[]; present: () => boolean; install: string };

export const SQLITE3 = 'sqlite3';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const PREREQUISITES: Prerequisite[] = [
  {
    what: "Debian's sqlite3 command line (the export's baseline: `sqlite3 -csv` on the same query)",
    neededBy: ['export'],
    present: () => spawnSync(SQLITE3, ['-version'], { stdio: 'ignore' }).status === 0,
    install: 'sudo apt-get install -y sqlite3',
  },
  {
    what: `Chromium at ${CHROMIUM} (loads the event page for its JavaScript and Largest Contentful Paint)`,
    neededBy: ['js'],
    present: () => fs.existsSync(CHROMIUM),
    install: 'sudo apt-get install -y chromium   (or set CHROMIUM_PATH)',
  },
  {
    what: 'Linux /proc (the server process and its peak memory are read from it)',
    neededBy: ['export'],
    present: () => fs.existsSync('/proc/self/status') && fs.existsSync('/proc/net/tcp'),
    install: 'run the bench on Linux',
  },
  {
    what: 'node_modules with autocannon and next (the load generator and the app)',
    neededBy: ['cached', 'uncached', 'freshness', 'export', 'js'],
    present: () => fs.existsSync('node_modules/autocannon/package.json') && fs.existsSync('node_modules/next/package.json'),
    install: 'npm install',
  },
];

/**
 * What the chosen measurements need that this machine lacks, each with the command that would
 * install it. The bench never installs anything itself.
 */
export function missingPrerequisites(only: ReadonlySet<Measurement>): string[] {
  return PREREQUISITES.filter((p) => p.neededBy.some((m) => only.has(m)) && !p.present()).map(
    (p) => `${p.what} is missing (needed by: ${p.neededBy.filter((m) => only.has(m)).join(', ')}). Install it with: ${p.install}`,
  );
}
