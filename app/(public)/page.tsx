import type { Metadata } from 'next';
import Link from 'next/link';
import { loadEventList } from '@/lib/event-list';
import { SourceLink, sourceNamesReporter } from '@/app/ui/source-link';
import { SITE_NAME } from '@/lib/page-citation';
import { figureHref } from '@/lib/page-id';
import { describeRevision, formatDate, formatFigure } from '@/lib/wording';

export const dynamic = 'force-dynamic';

// Feed readers find the site's feed from its home page.
export const metadata: Metadata = {
  alternates: { types: { 'application/atom+xml': [{ url: '/feed.xml', title: `${SITE_NAME}: new and changed figures` }] } },
};

/** The list of events, each with its period and headline death toll, cited to its source. */
export default function HomePage() {
  const events = loadEventList();
  return (
    <>
      <h1>Crises and their toll</h1>
      <p className="lede">
        Deaths, injuries, detentions and damage as the authorities and the press reported them, each number with its source, and every
        revision kept.
      </p>
      <p>
        <a href="/feed.xml" type="application/atom+xml">Follow new and changed figures of every event (Atom feed)</a>
      </p>
      <h2>Events</h2>
      {events.length === 0 ? (
        <p>No events yet.</p>
      ) : (
        <ul className="event-list">
          {events.map((e) => (
            <li key={e.id}>
              <h3 className="event-name">
                <Link href={`/events/${e.slug}`}>{e.name}</Link>
              </h3>
              <p className="muted">
                {e.country}, {formatDate(e.startDate)}
                {e.endDate ? ` – ${formatDate(e.endDate)}` : ' – ongoing'}
              </p>
              <p>
                Deaths:{' '}
                {e.deaths ? (
                  <>
                    <strong>
                      <a href={figureHref(e.deaths.id)}>{formatFigure(e.deaths)}</a>
                    </strong>,{' '}
                    {/* No brackets around it: the revision's own "(revision 3; was 239)" would nest in them. */}
                    <span className="muted">
                      reported <time dateTime={e.deaths.reportedOn}>{formatDate(e.deaths.reportedOn)}</time>
                      {/* Changed here after it was published: said here too, not only on the event page. */}
                      {e.deaths.revision > 1 ? `; ${describeRevision(e.deaths, e.deaths.change)}` : null}
                    </span>
                  </>
                ) : (
                  <span className="muted">no figure yet</span>
                )}
              </p>
              {e.deaths ? (
                <p className="event-source">
                  Source: {sourceNamesReporter(e.deaths.source) ? null : `${e.deaths.source.reportingBody}; `}
                  <SourceLink source={e.deaths.source} />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
