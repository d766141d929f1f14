import type { Metadata } from 'next';
import { requireAdmin } from '@/lib/auth/session';
import { createSourceAction } from '../actions';
import { SourceForm } from '../source-form';

export const metadata: Metadata = { title: 'Add a source' };

export default async function NewSourcePage() {
  await requireAdmin();
  return (
    <>
      <h1>Add a source</h1>
      <SourceForm action={createSourceAction} submitLabel="Add source" />
    </>
  );
}
