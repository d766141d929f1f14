import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SourceFigures } from '@/app/ui/source-figures';
import { SourceLink } from '@/app/ui/source-link';
import { pageNumberOf } from '@/lib/page-id';
import { loadSourcePage } from '@/lib/source-page';
import { formatDate, formatNumber } from '@/lib/wording';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load({ params, searchParams }: Props) {
  return loadSourcePage((await params).id, pageNumberOf((await searchParams).page));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const page = await load(props);
  return { title: page ? page.title : 'Source not found' };
}

/**
 * One source: who reported, where it was published, the events whose figures cite it, those
 * figures (each linking to its own page), and its full text when the site holds it (a statement
 * with no web address, such as the address to parliament, can be checked here against the quotes
 * on the event pages).
 */
export default async function SourcePage(props: Props) {
  const page = await load(props);
  if (!page) notFound();
  const { source, citedIn, title } = page;
  return (
    <>
      <h1>{title}</h1>
      <dl className="source-facts">
        <dt>Reported by</dt>
        <dd>{source.reportingBody}</dd>
        <dt>Published</dt>
        <dd>
          <time dateTime={source.publishedOn}>{formatDate(source.publishedOn)}</time>
          {/* Said when unknown (the address to parliament's news report), not left for a reader to guess. */}
          {source.publisher ? `, ${source.publisher}` : ' (who published it is not recorded)'}
        </dd>
        <dt>Where</dt>
        <dd>{source.url ? <SourceLink source={source} /> : source.fullText ? 'No web address: the full text below is the copy this site holds.' : 'No web address.'}</dd>
      </dl>
      <section aria-labelledby="cited-in">
        {/* How many of its figures each event has (the event page says which of its cards cite it). */}
        <h2 id="cited-in">Events it gave figures for</h2>
        <ul>
          {citedIn.map((e) => (
            <li key={e.slug}>
              <Link href={`/events/${e.slug}#sources-title`}>{e.name}</Link>: {formatNumber(e.figures, '')} {e.figures === 1 ? 'figure' : 'figures'}
            </li>
          ))}
        </ul>
      </section>
      <SourceFigures page={page} hrefFor={(n) => `/sources/${source.id}${n > 1 ? `?page=${n}` : ''}#figures-title`} />
      {source.fullText ? (
        <section aria-labelledby="full-text">
          <h2 id="full-text">Full text</h2>
          <div className="citation-text">{source.fullText}</div>
        </section>
      ) : null}
    </>
  );
}
