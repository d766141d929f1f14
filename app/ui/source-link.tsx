import type { Source } from '@/db/schema';
import { safeHttpUrl } from '@/lib/safe-url';

/** Whether a source's citation names only who reported it (no title, no publisher): it says nothing more. */
export function sourceNamesReporter(source: Pick<Source, 'publisher' | 'title'>): boolean {
  return !source.title && !source.publisher;
}

/** A source named as a citation: publisher, title (linked when it has a web address). */
export function SourceLink({ source }: { source: Pick<Source, 'publisher' | 'title' | 'url' | 'reportingBody'> }) {
  const href = safeHttpUrl(source.url);
  const label = source.title || source.publisher || source.reportingBody;
  return (
    <>
      {source.publisher && source.title ? <span>{source.publisher}: </span> : null}
      {href ? (
        <a href={href} rel="noopener noreferrer" target="_blank">
          {label}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      ) : (
        <cite>{label}</cite>
      )}
    </>
  );
}
