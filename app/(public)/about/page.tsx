import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getDb } from '@/db/index';
import { listEvents } from '@/db/queries/events';
import { listMetricCatalog } from '@/db/queries/metrics';
import { COLUMN_GUIDE, PARAMETER_GUIDE, parameterRoutes, qualifierGuide } from '@/lib/data-guide';
import { REPORT_STATUS_WORDS } from '@/lib/dashboard';
import { EXPORT_COLUMNS } from '@/lib/export/csv';
import { CSV_PARAMETERS, JSON_PARAMETERS } from '@/lib/validation/figure-filters';
import { EVENT_FEED_ENTRIES } from '@/lib/feed/event-feed';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'About the data',
  description: 'How the figures are sourced, worded, revised and retracted, how to cite them, and how to download them as CSV or JSON.',
};

const ROUTES_WORDS = { both: 'CSV and JSON', csv: 'CSV only', json: 'JSON only' } as const;

/** A table of the guide: a caption, column headings, and rows whose first cell heads the row. */
function GuideTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: ReactNode[][] }) {
  return (
    <div className="table-wrap">
      {/* On a phone, a block per row, each cell under its column's name (globals.css). */}
      <table className="reflow guide-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => <th key={c} scope="col">{c}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map(([head, ...cells], i) => (
            <tr key={i}>
              <th scope="row">{head}</th>
              {cells.map((cell, j) => <td key={j} data-label={columns[j + 1]}>{cell}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The data guide: what a reader needs to trust, cite and take away the figures without the
 * README. The metrics (and the examples' event and metric) come from the database; the terms,
 * parameters and columns from the lists the code works from (lib/data-guide.ts).
 */
export default function AboutPage() {
  const db = getDb();
  const metrics = listMetricCatalog(db);
  const example = { event: listEvents(db)[0]?.slug, metric: metrics[0]?.key };
  const parameters = [...new Set([...CSV_PARAMETERS, ...JSON_PARAMETERS])];
  const csvExample = `/api/figures.csv?${new URLSearchParams({ ...(example.event ? { event: example.event } : {}), status: 'all' })}`;
  const jsonExample = `/api/figures?${new URLSearchParams({ ...(example.metric ? { metric: example.metric } : {}), limit: '20' })}`;
  return (
    <>
      <h1>About the data</h1>
      <p className="lede">
        Every number on this site is one report by one source: who gave it, where it was published, when, and in the source’s own words
        where we have them. When sources disagree or revise a number, every report is kept.
      </p>

      <section aria-labelledby="reports-title">
        <h2 id="reports-title">Reports, counts and the latest figure</h2>
        <p>
          A <em>count</em> is one metric for one group in one place during one event: deaths among law enforcement officers in
          Kazakhstan, say. Each count has reports from one or more sources over time. The date of a report is the date the source
          reported it, not the date of the events it counts.
        </p>
        <ul>
          <li>
            <strong>{REPORT_STATUS_WORDS.headline}</strong>: the count’s newest published report: the number the event page’s cards
            and charts show for that count.
          </li>
          <li>
            <strong>{REPORT_STATUS_WORDS.superseded}</strong>: a later report replaced it. It stays in the tables, the timeline and the
            downloads, so a revision (164, then 225, then 230) can be followed.
          </li>
          <li>
            <strong>{REPORT_STATUS_WORDS.retracted}</strong>: an editor withdrew it, with a reason that its page shows. It is never
            deleted: it stays in the tables, struck through, and in the event page’s download, marked; the cards and the bar charts
            leave it out, the timeline marks it with a grey cross, and the data API leaves it out unless asked (<code>status=all</code>).
          </li>
        </ul>
        <p>
          An editor’s change to a figure makes a new revision, and the audit trail keeps what it replaced: the figure’s page shows
          every change made through the site, with the values before and after and the editor’s reason when one was given, and the
          event page says what the number was before it last changed. A change made in the database itself, outside the site, is
          shown as one whose earlier values are not recorded.
        </p>
      </section>

      <section aria-labelledby="wording-title">
        <h2 id="wording-title">How a number is worded</h2>
        <p>
          A number is stored as the source gave it: “more than 1,300” is the qualifier <code>more_than</code> and the number 1300, so
          it can be charted, compared and downloaded, and is still worded as the source said it. Money from a million up is worded compactly
          (“KZT 93.7 billion”) only when the words are the exact amount; any other sum is written in full (“KZT 999,999,999”), so a
          sum is never rounded. Each figure’s page also gives the amount in full. A range (225 to 238) is given as exact or about:
          its low and high are already its bounds.
        </p>
        <GuideTable
          caption="Qualifiers: what each means, and how 1,300 and the range 225 to 238 are worded with it"
          columns={['Qualifier (CSV and JSON)', 'Means', '1,300', '225 to 238']}
          rows={qualifierGuide().map((q) => [<code key="q">{q.qualifier}</code>, q.means, q.number, q.range])}
        />
      </section>

      <section aria-labelledby="metrics-title">
        <h2 id="metrics-title">Metrics</h2>
        {metrics.length === 0 ? (
          <p>No metrics have been defined yet.</p>
        ) : (
          <GuideTable
            caption="Every metric, with the key the downloads use and its HXL hashtag"
            columns={['Metric', 'Key', 'Unit', 'HXL hashtag']}
            rows={metrics.map((m) => [m.label, <code key="k">{m.key}</code>, m.unit, <code key="h">{m.hxlTag}</code>])}
          />
        )}
      </section>

      <section aria-labelledby="cite-title">
        <h2 id="cite-title">Citing</h2>
        <p>
          Every event, figure and source has its own address. The event and figure pages end with “Cite this page”: a citation with the
          date the data last changed and the date you read it, and the same as a BibTeX entry and an RIS record. Cite a single number by
          its figure’s page (each number on a card and in All reports links to it), and the source it gives.
        </p>
        <p>
          An event page numbers its sources [1], [2], … in the order its headline cards cite them, then the other sources by the date of their earliest report. Those numbers are the page’s own: in the data
          a source is known by its id (<code>source_id</code> in the CSV, <code>source.id</code> in the JSON), which each entry of the
          page’s source list gives, linked to the source’s page.
        </p>
      </section>

      <section aria-labelledby="download-title">
        <h2 id="download-title">Downloads and the data API</h2>
        <p>
          Every figure can be taken away as CSV (<code>GET /api/figures.csv</code>) or JSON (<code>GET /api/figures</code>), with the
          same filters. For example: <a href={csvExample}>{csvExample}</a> ({example.event ? 'an event’s figures' : 'every figure'}, retracted
          ones included and marked) and <a href={jsonExample}>{jsonExample}</a> (the first {example.metric ? '20 figures of a metric' : '20 figures'}).
          Each chart on an event page also downloads its own figures as CSV.
        </p>
        <p>
          To follow an event’s numbers as they are revised, subscribe to its Atom feed in a feed reader
          (<code>/events/SLUG/feed.xml</code>{example.event ? <>, for example <a href={`/events/${example.event}/feed.xml`}>{`/events/${example.event}/feed.xml`}</a></> : null}):
          the latest {EVENT_FEED_ENTRIES} changes to its figures (each entered, changed, retracted or restored), each with its source,
          what a correction changed, the number before it and the reason given, linking to the figure’s page. The event page links to it; <a href="/feed.xml">/feed.xml</a>, linked
          from the home page, is the same for every event at once.
        </p>
        <p>
          All parameters are optional and can be combined. An unknown or repeated parameter, or one given with no value, is answered 400
          with a message naming it, so a misspelt filter never silently returns everything; an event, metric, group or place that no
          figure has is answered 404, so a misspelt value never silently returns nothing.
        </p>
        <GuideTable
          caption="Parameters"
          columns={['Parameter', 'Accepts', 'Means', 'For']}
          rows={parameters.map((p) => [<code key="p">{p}</code>, PARAMETER_GUIDE[p].accepts, PARAMETER_GUIDE[p].means, ROUTES_WORDS[parameterRoutes(p)]])}
        />
        <p>
          The CSV file is UTF-8 with one header row (and the HXL row under it when asked), quoted as RFC 4180 says, one row per figure. A text cell that a spreadsheet would
          take for a formula (starting with =, +, -, @, a tab or a carriage return) starts with an apostrophe; the number columns never
          do. The JSON gives each figure with the same facts, its event, metric and source as objects, and a <code>nextCursor</code> to
          the next page.
        </p>
        <p>
          The file has no byte-order mark, so Excel opened by a double click may show Cyrillic letters and dashes wrongly: open it through
          Data, From Text/CSV, with the file origin &ldquo;65001: Unicode (UTF-8)&rdquo;. LibreOffice, Google Sheets, R and pandas read it
          as UTF-8.
        </p>
        <GuideTable caption="CSV columns, in order" columns={['Column', 'Holds']} rows={EXPORT_COLUMNS.map((c) => [<code key="c">{c}</code>, COLUMN_GUIDE[c]])} />
      </section>
    </>
  );
}
