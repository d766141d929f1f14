/**
 * npm run import -- FILE.csv [--dry-run] [--reason TEXT] — imports figures from a CSV file into
 * DATABASE_PATH in one transaction: every row or none. Prints every problem as "line N, column C:
 * message" and exits 1 when there is any; with --dry-run, checks and counts without writing.
 * --reason gives why, kept with every change the import makes (the same rule as the forms').
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from '@/db/index';
import { assertUsableDatabase, migrateDatabase } from '@/db/migrate';
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from '@/lib/database-busy';
import { formatImportError } from '@/lib/import/errors';
import { importCsv } from '@/lib/import/run';
import { importCountsWords } from '@/lib/import/summary-words';
import { formatImportWarning, unusualWarningsWords } from '@/lib/import/warnings';
import { changeReason } from '@/lib/validation/fields';
import { importProgressReporter } from './import-progress';

const USAGE = 'usage: npm run import -- FILE.csv [--dry-run] [--reason TEXT]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false }, reason: { type: 'string' } } });
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const [file, ...extra] = args.positionals;
  if (!file || extra.length) {
    console.error(USAGE);
    return 2;
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    console.error(`${file}: no such file.`);
    return 2;
  }
  const reason = changeReason.safeParse(args.values.reason);
  if (!reason.success) {
    console.error(`--reason: ${reason.error.issues[0]?.message}`);
    return 2;
  }
  const dryRun = args.values['dry-run'];
  const name = path.basename(file);
  assertUsableDatabase(databasePath());
  const db = openDatabase(databasePath());
  const progress = importProgressReporter(process.stderr, fs.statSync(file).size, { dryRun });
  try {
    migrateDatabase(db);
    const summary = await importCsv(db, fs.createReadStream(file), { userId: null, label: `import: ${name}` }, { dryRun, reason: reason.data, onProgress: progress.update });
    progress.stop();
    for (const error of summary.errors) console.error(formatImportError(error));
    const counts = importCountsWords(summary, dryRun);
    if (summary.errors.length) {
      console.log(`${name}: ${counts}. ${summary.errors.length} problem${summary.errors.length === 1 ? '' : 's'}: nothing was written.`);
      return 1;
    }
    console.log(`${name}: ${counts}.${dryRun ? ' Dry run: nothing was written.' : ''}`);
    if (summary.warnings.length) {
      console.log(unusualWarningsWords(summary.warnings.length, dryRun));
      for (const warning of summary.warnings) console.log(formatImportWarning(warning));
    }
    return 0;
  } finally {
    progress.stop();
    db.$client.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const why = isDatabaseBusy(err) ? DATABASE_BUSY_MESSAGE : err instanceof Error ? err.message : String(err);
    console.error(`Import stopped, nothing was written: ${why}`);
    process.exitCode = 1;
  },
);
