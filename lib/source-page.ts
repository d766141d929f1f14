import 'server-only';
import { cache } from 'react';
import { getDb, readTransaction } from '@/db/index';
import { findSourcePage, type SourcePage } from '@/db/queries/source-page';
import { pageIdOf } from './page-id';

/**
 * A source's public page for the id in its address ("12") and the page of its figures asked for,
 * or null when there is no such source or nothing cites it. Read once per request (the page and
 * its metadata both ask).
 */
export const loadSourcePage = cache((idParam: string, figuresPage = 1): (SourcePage & { title: string }) | null => {
  const id = pageIdOf(idParam);
  // One snapshot: the source, where it is cited and its figures, of the same version.
  const page = id === null ? undefined : readTransaction(getDb(), () => findSourcePage(getDb(), id, figuresPage));
  if (!page) return null;
  const { source } = page;
  return { ...page, title: source.title || source.publisher || source.reportingBody };
});
