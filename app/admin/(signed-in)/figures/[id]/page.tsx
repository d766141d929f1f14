import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/index';
import { findEventById } from '@/db/queries/catalog-admin';
import { figureFieldNames, figureFormOptions, findFigure } from '@/db/queries/figure-admin';
import { requireAdmin } from '@/lib/auth/session';
import { takeUnsent } from '@/lib/unsent-form';
import { figureHref } from '@/lib/page-id';
import { formatFigure } from '@/lib/wording';
import { correctReasonAction, restoreFigureAction, retractFigureAction, updateFigureAction } from '../actions';
import { FigureForm } from '../figure-form';
import { FigureHistory } from '../figure-history';
import { RestoreForm } from '../restore-form';
import { RetractForm } from '../retract-form';
import { answeringAForm } from '@/app/admin/ui/answering-form';
import { Flash } from '@/app/admin/ui/flash';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: 'Edit a figure' };

const SAVED: Record<string, string> = { created: 'Figure added.', updated: 'Changes saved.', retracted: 'Figure retracted.', restored: 'Figure restored.', reason: 'Reason corrected.' };

export default async function EditFigurePage({ params, searchParams }: Props) {
  const user = await requireAdmin();
  const unsent = await takeUnsent(user);
  const id = Number((await params).id);
  const db = getDb();
  const figure = Number.isSafeInteger(id) ? findFigure(db, id) : undefined;
  if (!figure) notFound();
  const saved = (await searchParams).saved;
  const event = findEventById(db, figure.eventId);
  const names = figureFieldNames(db);
  return (
    <>
      <h1>Figure #{figure.id}: {names.metricId.get(figure.metricId)} — {formatFigure(figure)}</h1>
      {typeof saved === 'string' && SAVED[saved] && !(await answeringAForm()) ? <Flash>{SAVED[saved]}</Flash> : null}
      <p>
        Revision {figure.revision} ·{' '}
        {figure.status === 'retracted' ? <span className="status-retracted">Retracted: {figure.retractionReason}</span> : 'Published'}
        {event ? <> · <Link href={`/events/${event.slug}`}>See its event&apos;s public page</Link></> : null}
        {' · '}<Link href={figureHref(figure.id)}>See its own public page</Link>
      </p>
      <h2>Edit</h2>
      {/* Not keyed by revision here: the form is, inside (figure-form.tsx). */}
      <FigureForm action={updateFigureAction} options={figureFormOptions(db)} figure={figure} submitLabel="Save changes" initial={unsent['figure.update']} />
      <h2>{figure.status === 'retracted' ? 'Restore' : 'Retract'}</h2>
      {figure.status === 'retracted' ? (
        <>
          <RestoreForm action={restoreFigureAction} figureId={figure.id} revision={figure.revision} label="Restore figure (publish it again)" reasonLabel="Why publish it again" initial={unsent['figure.restore']} />
          <h2>Correct the reason for retracting</h2>
          <RetractForm action={correctReasonAction} figureId={figure.id} revision={figure.revision} current={figure.retractionReason ?? ''} initial={unsent['figure.reason']} />
        </>
      ) : (
        <RetractForm action={retractFigureAction} figureId={figure.id} revision={figure.revision} initial={unsent['figure.retract']} />
      )}
      <FigureHistory figure={figure} names={names} restoring={unsent['figure.restore']} />
    </>
  );
}
