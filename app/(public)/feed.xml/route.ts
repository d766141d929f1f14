import { getDb } from '@/db/index';
import { latestFigureChanges } from '@/db/queries/event-feed';
import { unlessDatabaseBusy } from '@/lib/api/responses';
import { atomResponse } from '@/lib/feed/atom';
import { EVENT_FEED_ENTRIES, siteFeed } from '@/lib/feed/event-feed';
import { siteUrl } from '@/lib/site-url';

export const dynamic = 'force-dynamic';

/** GET /feed.xml — the site's Atom feed: the newest changes to every event's figures (lib/feed). */
export async function GET(): Promise<Response> {
  const base = await siteUrl();
  return unlessDatabaseBusy(() => {
    // With no figure at all yet, the feed is as new as the request.
    return atomResponse(siteFeed(latestFigureChanges(getDb(), EVENT_FEED_ENTRIES), base, new Date().toISOString()));
  });
}
