import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What the production build is made from; a change to any of these calls for a new build. */
const INPUT_DIRS = ['app', 'db', 'lib', 'public'];
const INPUT_FILES = ['next.config.ts', 'proxy.ts', 'package-lock.json', 'tsconfig.json', 'package.json'];

function* walk(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/** A hash of every build input's path and content, stable across machines. */
export function hashBuildInputs(root: string): string {
  const hash = crypto.createHash('sha256');
  const files = [...INPUT_DIRS.flatMap((d) => [...walk(path.join(root, d))]), ...INPUT_FILES.map((f) => path.join(root, f))];
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    hash.update(path.relative(root, file).split(path.sep).join('/'));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export const BUILD_STAMP = path.join('.next', 'build-inputs.sha256');

/** Whether .next holds a production build made from exactly the current inputs. */
export function buildIsCurrent(root: string): boolean {
  const stamp = path.join(root, BUILD_STAMP);
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')) || !fs.existsSync(stamp)) return false;
  return fs.readFileSync(stamp, 'utf8').trim() === hashBuildInputs(root);
}

export function writeBuildStamp(root: string): void {
  fs.writeFileSync(path.join(root, BUILD_STAMP), `${hashBuildInputs(root)}\n`);
}
