import type { Metadata } from 'next';
import { getDb } from '@/db/index';
import { figureFormOptions } from '@/db/queries/figure-admin';
import { requireAdmin } from '@/lib/auth/session';
import { takeUnsent } from '@/lib/unsent-form';
import { createFigureAction } from '../actions';
import { FigureForm } from '../figure-form';

export const metadata: Metadata = { title: 'Add a figure' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewFigurePage({ searchParams }: Props) {
  const user = await requireAdmin();
  const unsent = await takeUnsent(user);
  const options = figureFormOptions(getDb());
  const event = Number((await searchParams).event);
  const eventId = options.events.some((e) => e.id === event) ? event : options.events.length === 1 ? options.events[0]?.id : undefined;
  return (
    <>
      <h1>Add a figure</h1>
      <p className="lede">One number as one source reported it. A later report of the same count is a new figure; the most recent becomes the headline.</p>
      <FigureForm action={createFigureAction} options={options} figure={{ eventId }} submitLabel="Add figure" initial={unsent['figure.create']} />
    </>
  );
}
