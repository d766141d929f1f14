import type { Metadata } from 'next';
import { requireAdmin } from '@/lib/auth/session';
import { takeUnsent } from '@/lib/unsent-form';
import { createSourceAction } from '../actions';
import { SourceForm } from '../source-form';

export const metadata: Metadata = { title: 'Add a source' };

export default async function NewSourcePage() {
  const user = await requireAdmin();
  const unsent = await takeUnsent(user);
  return (
    <>
      <h1>Add a source</h1>
      <SourceForm action={createSourceAction} submitLabel="Add source" initial={unsent['source.create']} />
    </>
  );
}
