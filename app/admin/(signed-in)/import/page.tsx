import type { Metadata } from 'next';
import { requireAdmin } from '@/lib/auth/session';
import { MAX_UPLOAD_BYTES } from '@/lib/validation/import-upload';
import { ImportForm } from './import-form';

export const metadata: Metadata = { title: 'Import figures' };

export default async function ImportPage() {
  await requireAdmin();
  return (
    <>
      <h1>Import figures</h1>
      <p>
        A CSV with the columns of the seed file or of an export. Every row is checked with the same rules as the figure form; any problem
        is listed by line and column and nothing is written. Otherwise every row is written at once, each figure audited under your
        name. Importing the same file again changes nothing. Files up to {MAX_UPLOAD_BYTES / 1024 / 1024} MB; use{' '}
        <code>npm run import</code> for larger ones.
      </p>
      <ImportForm />
    </>
  );
}
