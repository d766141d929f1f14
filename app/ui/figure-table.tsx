import type { FigureWithContext } from '@/db/queries/figures';
import type { FigureChange } from '@/db/queries/audit-read';
import { REPORT_STATUS_WORDS } from '@/lib/dashboard';
import { html, type Html } from '@/lib/html';
import { describeRevision, describeScope, formatDate } from '@/lib/wording';
import { citationLinkHtml } from './citation-link';
import { figureNumberHtml } from './figure-number';
import { RawHtml } from './raw-html';
import { sourceLinkHtml } from './source-link';

export const COLUMNS = ['Metric', 'Group and place', 'Figure', 'Reported on', 'Reported by and source'] as const;

type Props = {
  figures: FigureWithContext[];
  caption: string;
  citationOf: Record<number, number>;
  /** The latest change of each figure changed after it was entered (db/queries/audit-read listFigureChanges). */
  changes?: ReadonlyMap<number, FigureChange>;
  /** The latest report of each count (its headline): the others published are marked superseded. */
  latestIds: ReadonlySet<number>;
};

/** One report: what was counted, the figure as worded and where it stands, when, who and where. */
function reportRowHtml(f: FigureWithContext, { citationOf, changes, latestIds }: Props): Html {
  const revision = f.revision > 1 ? describeRevision(f, changes?.get(f.id)) : null;
  // The number leads to the report's own page: its series, its history here, a citation. Below
  // it, where the report stands in its count, as the chart tables and figure pages say it:
  // 164, 225 and 230 are not all current.
  return html`<tr role="row" data-figure-id="${f.id}"${f.status === 'retracted' ? html` class="retracted-row"` : null}>${[
    html`<td role="cell">${f.metric.label}</td>`,
    html`<td role="cell">${describeScope(f.group, f.location)}</td>`,
    html`<td role="cell" class="num">${figureNumberHtml(f)}${
      f.status === 'retracted'
        ? html`<div class="muted">retracted: ${f.retractionReason}</div>`
        : html`<div class="muted standing">${latestIds.has(f.id) ? REPORT_STATUS_WORDS.headline : REPORT_STATUS_WORDS.superseded}</div>`
    }${revision ? html`<div class="muted revision">${revision}</div>` : null}</td>`,
    html`<td role="cell"><time datetime="${f.reportedOn}">${formatDate(f.reportedOn)}</time></td>`,
    html`<td role="cell"><div>${f.source.reportingBody}</div><div>${sourceLinkHtml(f.source)} ${citationLinkHtml(citationOf[f.sourceId] ?? 0)}</div>${
      f.quote ? html`<blockquote>“${f.quote}”</blockquote>` : null
    }${f.note ? html`<div class="muted">Note: ${f.note}</div>` : null}</td>`,
  ]}</tr>`;
}

/**
 * Every report of an event as a table: what was counted, the figure as worded, when and who.
 * Written as markup (lib/html.ts): a page of reports was the largest part of the event page's
 * render as React elements.
 */
export function FigureTable(props: Props) {
  // On a narrow screen each row is laid out as a block, its cells labelled by their column
  // (globals.css, .reflow: the labels are COLUMNS, by position, so no row carries them), so the
  // source is on screen rather than past a sideways scroll. CSS display changes can take a
  // table's meaning away from screen readers; the roles keep it.
  const table = html`<table class="reflow reports" role="table"><caption>${props.caption}</caption><thead role="rowgroup"><tr role="row">${COLUMNS.map(
    (c) => html`<th scope="col" role="columnheader"${c === 'Figure' ? html` class="num"` : null}>${c}</th>`,
  )}</tr></thead><tbody role="rowgroup">${props.figures.map((f) => reportRowHtml(f, props))}</tbody></table>`;
  return <RawHtml className="table-wrap" html={table} />;
}
