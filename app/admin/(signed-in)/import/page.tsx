import type { Metadata } from 'next';
import { requireAdmin } from '@/lib/auth/session';
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE } from '@/lib/validation/upload-limit';
import { ImportForm } from './import-form';

export const metadata: Metadata = { title: 'Import figures' };

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  // Sent back here by proxy.ts: the file was over the limit (a form sent without JavaScript).
  const tooLarge = (await searchParams)['too-large'] === '1';
  return (
    <>
      <h1>Import figures</h1>
      <p>
        A CSV with the columns of the seed file or of an export. Every row is checked with the same rules as the figure form; any problem
        is listed by line and column and nothing is written. Otherwise every row is written at once, each figure audited under your
        name. Importing the same file again changes nothing. Files up to {MAX_UPLOAD_BYTES / 1024 / 1024} MB; use{' '}
        <code>npm run import</code> for larger ones.
      </p>
      <ImportForm tooLarge={tooLarge ? UPLOAD_TOO_LARGE : null} />
    </>
  );
}
