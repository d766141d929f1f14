import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIsCurrent, writeBuildStamp } from '../build-inputs';

const NEXT_BIN = path.join('node_modules', 'next', 'dist', 'bin', 'next');

/**
 * Builds the production app unless .next already holds a build of exactly the current code
 * (the same check npm start makes). The build's output goes to `log`; on failure its tail is
 * in the error. Returns whether it built.
 */
export function ensureProductionBuild(root: string, log: string): boolean {
  if (buildIsCurrent(root)) return false;
  const out = fs.openSync(log, 'w');
  try {
    const build = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
      cwd: root,
      stdio: ['ignore', out, out],
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) {
      const tail = fs.readFileSync(log, 'utf8').split('\n').slice(-30).join('\n');
      throw new Error(`next build failed (full log: ${log}):\n${tail}`);
    }
  } finally {
    fs.closeSync(out);
  }
  writeBuildStamp(root);
  return true;
}

/**
 * The static baseline of budget 1: an HTML file in public/ that the same server serves. Next
 * lists public/ when the server starts, so the file must exist before it starts; its content
 * is read per request, so it can be given the page's exact size later (`fill`).
 *
 * public/ is a build input (scripts/build-inputs.ts), yet nothing in it changes the build's
 * output, so the stamp is rewritten after adding and after removing the file: neither the
 * bench's servers nor the next `npm start` rebuild because of it.
 */
export function placeStaticBaseline(root: string): { urlPath: string; fill: (bytes: number) => void; remove: () => void } {
  const name = `bench-static-${process.pid}.html`;
  const file = path.join(root, 'public', name);
  const current = buildIsCurrent(root);
  fs.writeFileSync(file, '<!doctype html><title>bench</title>\n');
  if (current) writeBuildStamp(root);
  let removed = false;
  return {
    urlPath: `/${name}`,
    fill: (bytes) => fs.writeFileSync(file, staticHtml(bytes)),
    remove: () => {
      if (removed) return;
      removed = true;
      fs.rmSync(file, { force: true });
      if (current) writeBuildStamp(root);
    },
  };
}

/** An HTML document of exactly `bytes` bytes (ASCII), like a page of text and a table. */
export function staticHtml(bytes: number): string {
  const head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static baseline</title></head><body><main>';
  const tail = '</main></body></html>\n';
  const row = '<tr><td>Deaths</td><td>all</td><td>Almaty</td><td>about 1,300</td><td>2022-01-11</td></tr>\n';
  let body = '';
  while (head.length + body.length + row.length + tail.length <= bytes) body += row;
  body += ' '.repeat(Math.max(0, bytes - head.length - body.length - tail.length));
  return head + body + tail;
}
