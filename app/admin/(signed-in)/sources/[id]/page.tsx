import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/index';
import { listAuditForEntity } from '@/db/queries/audit-read';
import { countFiguresCiting, findSourceById } from '@/db/queries/catalog-admin';
import { requireAdmin } from '@/lib/auth/session';
import { takeUnsent } from '@/lib/unsent-form';
import { AuditEntryView } from '../../../ui/audit-entry-view';
import { removeSourceAction, updateSourceAction } from '../actions';
import { RemoveSourceForm } from '../remove-source-form';
import { SourceForm } from '../source-form';
import { answeringAForm } from '@/app/admin/ui/answering-form';
import { Flash } from '@/app/admin/ui/flash';

export const metadata: Metadata = { title: 'Edit a source' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditSourcePage({ params, searchParams }: Props) {
  const user = await requireAdmin();
  const unsent = await takeUnsent(user);
  const db = getDb();
  const id = Number((await params).id);
  const source = Number.isSafeInteger(id) ? findSourceById(db, id) : undefined;
  if (!source) notFound();
  const history = listAuditForEntity(db, 'source', source.id);
  const citing = countFiguresCiting(db, source.id);
  return (
    <>
      <h1>Source #{source.id}: {source.reportingBody}</h1>
      {(await searchParams).saved && !(await answeringAForm()) ? <Flash>Source saved.</Flash> : null}
      <SourceForm action={updateSourceAction} source={source} submitLabel="Save changes" initial={unsent['source.update']} />
      <h2>Remove</h2>
      {citing > 0 ? (
        <p>
          {citing} figure{citing === 1 ? ' cites' : 's cite'} this source, so it cannot be removed: a source stays while any figure cites it,
          retracted ones included, so that their history keeps its citation. If the source itself is wrong, correct it above.
        </p>
      ) : (
        <RemoveSourceForm action={removeSourceAction} sourceId={source.id} initial={unsent['source.remove']} />
      )}
      <h2>History ({history.length})</h2>
      {history.map((e) => <AuditEntryView key={e.id} entry={e} />)}
    </>
  );
}
