import 'server-only';
import { getDb } from '@/db/index';
import { findSourcePage, type SourcePage } from '@/db/queries/source-page';
import { sourceIdOf } from './source-id';

/** A source's public page for the id in its address ("12"), or null when there is no such source. */
export function loadSourcePage(idParam: string): (SourcePage & { title: string }) | null {
  const id = sourceIdOf(idParam);
  const page = id === null ? undefined : findSourcePage(getDb(), id);
  if (!page) return null;
  const { source } = page;
  return { ...page, title: source.title || source.publisher || source.reportingBody };
}
