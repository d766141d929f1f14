/**
 * npm run export -- [--event SLUG] [--metric KEY] [--group G] [--location L] [--from DATE]
 *   [--to DATE] [--status published|retracted|all] [--hxl] [--out FILE [--force]]
 * Writes the same CSV as GET /api/figures.csv to stdout, or to FILE (put in place only once
 * complete). An existing FILE is left as it is, and the export refused, unless --force is given.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from '@/db/index';
import { metricHxlTag } from '@/db/queries/figure-export';
import { unknownCatalogErrors } from '@/lib/api/responses';
import { figureCsvStream } from '@/lib/export/stream';
import { formatParameterError, parseCsvQuery } from '@/lib/validation/figure-filters';

const USAGE =
  'usage: npm run export -- [--event SLUG] [--metric KEY] [--group G] [--location L] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--status published|retracted|all] [--hxl] [--out FILE [--force]]';

/** Why nothing was written to FILE: it is there already (the export never replaces a file unasked). */
const existsMessage = (out: string) => `${out} exists already; nothing was written. Add --force to replace it, or choose another file.`;

async function main(): Promise<number> {
  let args;
  try {
    const text = { type: 'string' } as const;
    args = parseArgs({
      options: { event: text, metric: text, group: text, location: text, from: text, to: text, status: text, out: text, hxl: { type: 'boolean' }, force: { type: 'boolean' } },
    });
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const { out, hxl, force, ...filterArgs } = args.values;
  if (force && !out) {
    console.error(`--force only goes with --out FILE: it lets the export replace FILE.\n${USAGE}`);
    return 2;
  }
  const query = parseCsvQuery({ ...filterArgs, hxl: hxl ? '1' : undefined });
  if (!query.ok) {
    for (const e of query.errors) console.error(`--${formatParameterError(e)}`);
    return 2;
  }
  if (out && fs.existsSync(out)) {
    if (fs.statSync(out).isDirectory()) {
      console.error(`${out} is a folder; give the name of a file to write. Nothing was written.`);
      return 2;
    }
    if (!force) {
      console.error(existsMessage(out));
      return 1;
    }
  }
  const file = databasePath();
  if (!fs.existsSync(file)) {
    console.error(`There is no database at ${file}; run npm run db:seed or npm start first.`);
    return 1;
  }
  const { hxl: withHxl, ...filters } = query.value;
  const db = openDatabase(file);
  let metricTag: string | undefined;
  try {
    const unknown = unknownCatalogErrors(db, filters);
    if (unknown.length) {
      for (const e of unknown) console.error(`--${formatParameterError(e)}`);
      return 1;
    }
    metricTag = filters.metric?.length === 1 ? metricHxlTag(db, filters.metric[0]!) : undefined;
  } finally {
    db.$client.close();
  }
  const csv = Readable.fromWeb(figureCsvStream(file, filters, { hxl: withHxl, metricTag }) as NodeWebStream<Uint8Array>);
  if (!out) {
    await pipeline(csv, process.stdout);
    return 0;
  }
  // Written beside the target and put in place at the end, so a failed export never leaves half a file.
  const partial = `${out}.${process.pid}.partial`;
  try {
    await pipeline(csv, fs.createWriteStream(partial));
    if (force) fs.renameSync(partial, out);
    else if (!placeNew(partial, out)) {
      // Another program made the file while the export ran: it is theirs, and stays.
      console.error(existsMessage(out));
      return 1;
    }
  } finally {
    fs.rmSync(partial, { force: true });
  }
  console.error(`Wrote ${out}.`);
  return 0;
}

/**
 * Gives the finished `partial` the name `out` unless a file has that name by now (false then).
 * A hard link is made only where no file is, in one step; where the file system has no hard
 * links, an exclusive copy is, though not in one step.
 */
function placeNew(partial: string, out: string): boolean {
  try {
    fs.linkSync(partial, out);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
  }
  try {
    fs.copyFileSync(partial, out, fs.constants.COPYFILE_EXCL);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`Export failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
