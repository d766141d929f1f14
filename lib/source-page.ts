import 'server-only';
import { cache } from 'react';
import { getDb, readTransaction } from '@/db/index';
import { findSourcePage, type SourcePage } from '@/db/queries/source-page';
import { sourceIdOf } from './source-id';

/**
 * A source's public page for the id in its address ("12"), or null when there is no such source
 * or nothing cites it. Read once per request (the page and its metadata both ask).
 */
export const loadSourcePage = cache((idParam: string): (SourcePage & { title: string }) | null => {
  const id = sourceIdOf(idParam);
  // One snapshot: the source and where it is cited, of the same version.
  const page = id === null ? undefined : readTransaction(getDb(), () => findSourcePage(getDb(), id));
  if (!page) return null;
  const { source } = page;
  return { ...page, title: source.title || source.publisher || source.reportingBody };
});
