import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SourceLink } from '@/app/ui/source-link';
import { loadSourcePage } from '@/lib/source-page';
import { formatDate, formatNumber } from '@/lib/wording';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = loadSourcePage((await params).id);
  return { title: page ? page.title : 'Source not found' };
}

/**
 * One source: who reported, where it was published, the events whose figures cite it, and its
 * full text when the site holds it (a statement with no web address, such as the address to
 * parliament, can be checked here against the quotes on the event pages).
 */
export default async function SourcePage({ params }: Props) {
  const page = loadSourcePage((await params).id);
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
          {source.publisher ? `, ${source.publisher}` : null}
        </dd>
        <dt>Where</dt>
        <dd>{source.url ? <SourceLink source={source} /> : source.fullText ? 'No web address: the full text below is the copy this site holds.' : 'No web address.'}</dd>
      </dl>
      <section aria-labelledby="cited-in">
        <h2 id="cited-in">Cited for</h2>
        <ul>
          {citedIn.map((e) => (
            <li key={e.slug}>
              <Link href={`/events/${e.slug}#sources-title`}>{e.name}</Link>: {formatNumber(e.figures, '')} {e.figures === 1 ? 'figure' : 'figures'}
            </li>
          ))}
        </ul>
      </section>
      {source.fullText ? (
        <section aria-labelledby="full-text">
          <h2 id="full-text">Full text</h2>
          <div className="citation-text">{source.fullText}</div>
        </section>
      ) : null}
    </>
  );
}
