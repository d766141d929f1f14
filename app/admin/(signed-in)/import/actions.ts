'use server';
import { getDb } from '@/db/index';
import { requireAdmin } from '@/lib/auth/session';
import { formatImportError } from '@/lib/import/errors';
import { importCsv, type ImportSummary } from '@/lib/import/run';
import type { ImportCounts } from '@/lib/import/summary-words';
import { formatImportWarning, unusualWarningsWords } from '@/lib/import/warnings';
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from '@/lib/database-busy';
import { importUploadSchema } from '@/lib/validation/import-upload';

/** What the upload form shows after an import: the same summary and problems as the command line. */
export type ImportState = {
  status: 'idle' | 'error' | 'done';
  message?: string;
  fileError?: string;
  reasonError?: string;
  /** The reason as typed, kept in the form after a refusal. */
  reason?: string;
  problems?: string[];
  counts?: ImportCounts;
  dryRun?: boolean;
  /** After an import or a dry run: what the list of numbers to check is, and the list (the first PROBLEMS_LISTED). */
  warningsTitle?: string;
  warnings?: string[];
};

/** How many problems a refused upload lists (and how many numbers to check a done one). */
const PROBLEMS_LISTED = 200;

/**
 * Imports an uploaded CSV with the same importer as `npm run import`: every row in one
 * transaction or none, each imported figure audited as "import: FILE" by this editor, with the
 * editor's reason when given.
 */
export async function importFiguresAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const user = await requireAdmin();
  // What was typed, given back with any refusal so the form keeps it.
  const reasonField = formData.get('reason');
  const reasonTyped = typeof reasonField === 'string' ? reasonField : '';
  const parsed = importUploadSchema.safeParse({ file: formData.get('file'), dryRun: formData.get('dryRun') ?? undefined, reason: reasonTyped });
  if (!parsed.success) {
    const errorOf = (field: string) => parsed.error.issues.find((i) => i.path[0] === field)?.message;
    const reasonError = errorOf('reason');
    const fileError = errorOf('file') ?? (reasonError ? undefined : parsed.error.issues[0]?.message);
    return { status: 'error', message: 'Nothing was imported.', fileError, reasonError, reason: reasonTyped };
  }
  const { file, dryRun, reason } = parsed.data;
  let summary: ImportSummary;
  try {
    summary = await importCsv(getDb(), file.stream(), { userId: user.userId, label: `import: ${file.name} by ${user.email}` }, { dryRun, reason });
  } catch (err) {
    // The import's one transaction could not get the write lock in time and was rolled back.
    if (isDatabaseBusy(err)) return { status: 'error', message: `${file.name}: ${DATABASE_BUSY_MESSAGE}`, dryRun, reason: reasonTyped };
    throw err;
  }
  const counts: ImportCounts = {
    rowsRead: summary.rowsRead, created: summary.created, updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected, newSources: summary.newSources,
  };
  if (summary.errors.length) {
    const n = summary.errors.length;
    // A file of many thousand bad rows would make a page of hundreds of megabytes: the first ones
    // are listed (in the file's order), and the message says how to see the rest.
    const listed = summary.errors.slice(0, PROBLEMS_LISTED);
    const rest = n > PROBLEMS_LISTED ? ` The first ${PROBLEMS_LISTED} are listed; fix them and check the file again for the rest, or run npm run import -- --dry-run FILE to list all of them.` : '';
    return { status: 'error', message: `${file.name}: ${n.toLocaleString('en-US')} problem${n === 1 ? '' : 's'}: nothing was written.${rest}`, problems: listed.map(formatImportError), counts, dryRun, reason: reasonTyped };
  }
  const n = summary.warnings.length;
  // After the import its rows are no longer new, so only a dry run of the file, before, lists them all.
  const more = n > PROBLEMS_LISTED
    ? ` The first ${PROBLEMS_LISTED} are listed; ${dryRun ? 'npm run import -- --dry-run FILE lists all of them' : 'npm run import -- --dry-run FILE, run before an import, lists all of them'}.`
    : '';
  const warned = n ? { warningsTitle: `${unusualWarningsWords(n, dryRun)}${more}`, warnings: summary.warnings.slice(0, PROBLEMS_LISTED).map(formatImportWarning) } : {};
  // A dry run is a check before the real import: the reason stays for it.
  return { status: 'done', message: `${file.name}: ${dryRun ? 'checked; dry run, nothing was written. To import it, choose the file again.' : 'imported.'}`, counts, dryRun, reason: dryRun ? reasonTyped : undefined, ...warned };
}
