import { getDb } from '@/db/index';
import { readDataPageVersion } from '@/db/queries/data-version';
import { latestEventFigureChanges } from '@/db/queries/event-feed';
import { currentEventSlug } from '@/db/queries/event-moves';
import { findEventBySlug } from '@/db/queries/events';
import { unlessDatabaseBusy } from '@/lib/api/responses';
import { atomResponse } from '@/lib/feed/atom';
import { EVENT_FEED_ENTRIES, eventFeed } from '@/lib/feed/event-feed';
import { siteUrl } from '@/lib/site-url';

export const dynamic = 'force-dynamic';

/**
 * GET /events/SLUG/feed.xml — the event's Atom feed: its figures' newest changes (lib/feed). An
 * address an editor has since changed leads to the feed at the new one, as the page does.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const base = await siteUrl();
  return unlessDatabaseBusy(() => {
    const db = getDb();
    const event = findEventBySlug(db, slug);
    if (!event) {
      const moved = currentEventSlug(db, slug);
      if (moved) return Response.redirect(`${base}/events/${moved}/feed.xml`, 307);
      return new Response(`There is no event at /events/${slug}.\n`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
    }
    // Any write may change it (a source a figure of another event stops citing is no longer named).
    const version = `${readDataPageVersion(db).tag} ${base} ${event.slug}`;
    return atomResponse(request, version, () => eventFeed(event, latestEventFigureChanges(db, event.id, EVENT_FEED_ENTRIES), base));
  });
}
