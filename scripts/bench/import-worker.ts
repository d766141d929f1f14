/**
 * Child process of the bench (csv-import.ts): imports CSV_FILE into DATABASE_FILE the way
 * `npm run import` does (importCsv from a file stream: parse, validate every row, write in one
 * transaction) and prints the time it took as JSON. A process of its own, so that it can be
 * profiled (node --cpu-prof) and its memory is its own.
 */
import fs from 'node:fs';
import { openDatabase } from '@/db/index';
import { importCsv } from '@/lib/import/run';

async function main(): Promise<void> {
  const [dbFile, csvFile] = process.argv.slice(2);
  if (!dbFile || !csvFile) throw new Error('usage: import-worker.ts DATABASE_FILE CSV_FILE');
  const db = openDatabase(dbFile);
  try {
    const started = performance.now();
    const summary = await importCsv(db, fs.createReadStream(csvFile), { userId: null, label: 'import: bench' });
    const ms = performance.now() - started;
    process.stdout.write(`${JSON.stringify({ ms, rowsRead: summary.rowsRead, created: summary.created, errors: summary.errors.slice(0, 5) })}\n`);
  } finally {
    db.$client.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : String(err));
  process.exitCode = 1;
});
