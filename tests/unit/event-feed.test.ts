import { describe, expect, it } from 'vitest';
import type { EventFigureChange } from '@/db/queries/event-feed';
import { atomXml, xmlText } from '@/lib/feed/atom';
import { eventFeed, feedEntry, siteFeed } from '@/lib/feed/event-feed';

const BASE = 'https://example.org';
const EVENT = { id: 4, slug: 'kz', name: 'January 2022 unrest in Kazakhstan', updatedAt: '2025-01-01T00:00:00.000Z' };
const figure = { eventId: 4, metricId: 1, group: 'all', location: 'Kazakhstan', qualifier: 'exact', valueLow: null, valueBest: 225, valueHigh: null, unit: 'people', reportedOn: '2022-01-15', sourceId: 2, note: '', status: 'published', retractionReason: null, revision: 2 };

function change(over: Partial<EventFigureChange> = {}): EventFigureChange {
  return {
    id: 7, at: '2026-11-28T12:00:00.000Z', action: 'update', entityType: 'figure', actor: 'editor@example.org', reason: null, confirmedWarning: null,
    before: { ...figure, valueBest: 164, revision: 1 }, after: figure, figureId: 12, eventName: EVENT.name, metricLabel: 'Deaths', cites: true,
    reportingBody: 'Prosecutor General', publisher: 'Tengrinews',
    ...over,
  };
}

describe('an event feed entry', () => {
  it('says what the figure now says, who reported it when, what kind of change it was, what changed and the number before it', () => {
    expect(feedEntry(change({ reason: 'the ministry revised its count' }), BASE)).toEqual({
      id: 'tag:example.org,2026:figure-change-7',
      title: 'Changed: Deaths (Kazakhstan): 225 people',
      link: 'https://example.org/figures/12',
      updated: '2026-11-28T12:00:00.000Z',
      summary: 'Prosecutor General, as published by Tengrinews, reported it on 15 January 2022. Changed by an editor on 28 November 2026. What changed: number (best). Before the change: 164 people. Reason given: the ministry revised its count.',
    });
  });

  it('says when the number was saved after a check an editor confirmed, in the warning\'s words, as the figure\'s page does', () => {
    const warning = '225 is 10 times the last report before it in this series: 22, reported 9 January 2022 by Ministry of Health (figure #3).';
    expect(feedEntry(change({ confirmedWarning: warning }), BASE).summary).toBe(
      `Prosecutor General, as published by Tengrinews, reported it on 15 January 2022. Changed by an editor on 28 November 2026. What changed: number (best). Before the change: 164 people. Saved after a check of the number: ${warning} An editor confirmed it was right.`,
    );
  });

  it('words each kind of change, and never says which editor or file made it', () => {
    const entered = feedEntry(change({ action: 'create', before: null, actor: 'import: secret-file.csv', publisher: '' }), BASE);
    expect(entered.title).toBe('New report: Deaths (Kazakhstan): 225 people');
    expect(entered.summary).toBe('Prosecutor General reported it on 15 January 2022. Entered by an import of a file on 28 November 2026.');
    const retracted = feedEntry(change({ action: 'retract', before: figure, after: { ...figure, status: 'retracted', retractionReason: 'a duplicate' } }), BASE);
    expect(retracted.title).toMatch(/^Retracted: /);
    expect(retracted.summary).toMatch(/Retracted by an editor on 28 November 2026\. Reason: a duplicate\.$/);
    expect(feedEntry(change({ action: 'restore' }), BASE).title).toMatch(/^Restored: /);
    // A note-only edit says no number before it; a figure moved between events says so.
    const noted = feedEntry(change({ before: { ...figure, note: 'old' }, after: { ...figure, note: 'new' } }), BASE).summary;
    expect(noted).toContain('What changed: note.');
    expect(noted).not.toContain('Before the change');
    expect(feedEntry(change({ before: { ...figure, eventId: 3 } }), BASE).summary).toContain('Moved from another event.');
    for (const c of [entered, retracted]) expect(JSON.stringify(c)).not.toMatch(/editor@example\.org|secret-file/);
    expect(feedEntry(change({ after: { ...figure, group: 'law enforcement', qualifier: 'more_than', valueBest: 1300 } }), BASE).title).toBe('Changed: Deaths (law enforcement, Kazakhstan): more than 1,300 people');
  });

  it('names a source only while the site does (some figure cites it), and says nothing it does not know', () => {
    const uncited = feedEntry(change({ action: 'create', before: null, reportingBody: null, publisher: null }), BASE);
    expect(uncited.summary).toMatch(/^A source no longer cited on this site reported it on 15 January 2022\./);
    // A snapshot written by hand with no number, place or source: no empty brackets, no made-up number.
    const bare = feedEntry(change({ action: 'update', before: null, after: { revision: 3 }, cites: false, metricLabel: null, reportingBody: null, publisher: null }), BASE);
    expect(bare.title).toBe('Changed: A figure');
    expect(bare.summary).toBe('Changed by an editor on 28 November 2026.');
  });
});

describe('the Atom document', () => {
  it('escapes every text, drops characters XML cannot hold, and dates the feed by its newest change', () => {
    const hostile = change({ metricLabel: 'Deaths <script>alert(1)</script> & "more"', reason: 'a\u0000b\u001Fc' });
    const xml = atomXml(eventFeed({ ...EVENT, name: 'Unrest & <b>riots</b>' }, [hostile], BASE));
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<b>');
    expect(xml).toContain('Deaths &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;');
    expect(xml).toContain('<title>Unrest &amp; &lt;b&gt;riots&lt;/b&gt;: new and changed figures</title>');
    expect(xml).toContain('Reason given: abc.');
    expect(xml).toContain('<updated>2026-11-28T12:00:00.000Z</updated>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/events/kz/feed.xml"/>');
    // Its id is the event's, not its address: a new slug keeps it.
    expect(xml).toContain('<id>tag:example.org,2026:event-4</id>');
    expect(xml.match(/<entry>/g)).toHaveLength(1);
  });

  it('is a valid empty feed for an event with no figures yet, dated by the event', () => {
    const xml = atomXml(eventFeed(EVENT, [], BASE));
    expect(xml).toContain('<updated>2025-01-01T00:00:00.000Z</updated>');
    expect(xml).not.toContain('<entry>');
    expect(xmlText('\uFFFEok\u0008')).toBe('ok');
  });
});

describe('the site’s feed', () => {
  it('names each entry’s event, and is dated by its newest change or, with none, by the time it is given', () => {
    const feed = siteFeed([change()], BASE, '2025-01-01T00:00:00.000Z');
    expect(feed.entries[0]!.title).toBe('Changed: Deaths (Kazakhstan), January 2022 unrest in Kazakhstan: 225 people');
    expect(feed).toMatchObject({ id: 'tag:example.org,2026:site', self: 'https://example.org/feed.xml', alternate: 'https://example.org/', updated: '2026-11-28T12:00:00.000Z' });
    expect(siteFeed([], BASE, '2025-01-01T00:00:00.000Z').updated).toBe('2025-01-01T00:00:00.000Z');
    // An event's own feed does not repeat its name in every title.
    expect(eventFeed(EVENT, [change()], BASE).entries[0]!.title).toBe('Changed: Deaths (Kazakhstan): 225 people');
  });
});
