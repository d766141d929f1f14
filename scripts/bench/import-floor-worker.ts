/**
 * Child process of the bench (csv-import.ts): the baseline of budget 5. Reads every figure of
 * FROM_FILE (the database whose export the import reads) into memory, then writes them into
 * DATABASE_FILE (its catalog only) with the import's own statements and nothing else: no file,
 * no parsing, no validation, no matching (db/queries/import-replay.ts). Prints the time of the
 * writes, commit included, as JSON: what the import's SQL alone costs on this machine.
 */
import { openDatabase } from '@/db/index';
import { readReplayRows, replayImportWrites } from '@/db/queries/import-replay';

function main(): void {
  const [dbFile, fromFile] = process.argv.slice(2);
  if (!dbFile || !fromFile) throw new Error('usage: import-floor-worker.ts DATABASE_FILE FROM_FILE');
  const rows = readReplayRows(fromFile);
  const db = openDatabase(dbFile);
  try {
    const started = performance.now();
    const created = replayImportWrites(db, rows, { userId: null, label: 'import: bench baseline' });
    const ms = performance.now() - started;
    process.stdout.write(`${JSON.stringify({ ms, created })}\n`);
  } finally {
    db.$client.close();
  }
}

main();
