/**
 * npm run export -- [--event SLUG] [--metric KEY] [--group G] [--location L] [--from DATE]
 *   [--to DATE] [--status published|retracted|all] [--hxl] [--out FILE]
 * Writes the same CSV as GET /api/figures.csv to stdout, or to FILE (replaced only once complete).
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
  'usage: npm run export -- [--event SLUG] [--metric KEY] [--group G] [--location L] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--status published|retracted|all] [--hxl] [--out FILE]';

async function main(): Promise<number> {
  let args;
  try {
    const text = { type: 'string' } as const;
    args = parseArgs({
      options: { event: text, metric: text, group: text, location: text, from: text, to: text, status: text, out: text, hxl: { type: 'boolean' } },
    });
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const { out, hxl, ...filterArgs } = args.values;
  const query = parseCsvQuery({ ...filterArgs, hxl: hxl ? '1' : undefined });
  if (!query.ok) {
    for (const e of query.errors) console.error(`--${formatParameterError(e)}`);
    return 2;
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
  // Written beside the target and renamed at the end, so a failed export never leaves half a file.
  const partial = `${out}.${process.pid}.partial`;
  try {
    await pipeline(csv, fs.createWriteStream(partial));
    fs.renameSync(partial, out);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  console.error(`Wrote ${out}.`);
  return 0;
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
