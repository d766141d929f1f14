import { getDb } from '@/db/index';
import { readDataPageVersion } from '@/db/queries/data-version';
import { latestFigureChanges } from '@/db/queries/event-feed';
import { unlessDatabaseBusy } from '@/lib/api/responses';
import { atomResponse } from '@/lib/feed/atom';
import { EVENT_FEED_ENTRIES, siteFeed } from '@/lib/feed/event-feed';
import { siteUrl } from '@/lib/site-url';

export const dynamic = 'force-dynamic';

/** GET /feed.xml — the site's Atom feed: the newest changes to every event's figures (lib/feed). */
export async function GET(request: Request): Promise<Response> {
  const base = await siteUrl();
  return unlessDatabaseBusy(() => {
    const db = getDb();
    // Any write may change it (a source a figure stops citing is no longer named).
    const version = `${readDataPageVersion(db).tag} ${base}`;
    // With no figure at all yet, the feed is as new as the request.
    return atomResponse(request, version, () => siteFeed(latestFigureChanges(db, EVENT_FEED_ENTRIES), base, new Date().toISOString()));
  });
}
