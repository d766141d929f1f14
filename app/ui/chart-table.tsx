import type { ChartRow } from '@/lib/chart-data';
import { html, type Html } from '@/lib/html';
import { figureHref } from '@/lib/page-id';
import { bestEstimate, formatDate, unitShown } from '@/lib/wording';
import { citationLinkHtml } from './citation-link';
import { RawHtml } from './raw-html';

/** One number charted: its label, as worded and linked to its page (with its low, best and high for scripts), status, date and source. */
function chartRowHtml(r: ChartRow, showStatus: boolean, citationOf: Record<number, number>): Html {
  const f = r.figure;
  const unit = unitShown(f);
  const best = bestEstimate(f);
  return html`<tr data-figure-id="${f.id}"><th scope="row">${r.label}</th><td class="num"${f.valueLow === null ? null : html` data-value-low="${f.valueLow}"`}${
    f.valueBest === null ? null : html` data-value-best="${f.valueBest}"`
  }${f.valueHigh === null ? null : html` data-value-high="${f.valueHigh}"`}>${
    // The number leads to its report's own page, as on the cards and in All reports.
    html`<a href="${figureHref(f.id)}"${f.status === 'retracted' ? html` class="retracted"` : null}>${r.wording}</a>`
  }${unit ? html`<span class="muted"> ${unit}</span>` : null}${best ? html`<span class="muted"> (${best})</span>` : null}</td>${showStatus ? html`<td>${r.status}</td>` : null}<td><time datetime="${f.reportedOn}">${formatDate(f.reportedOn)}</time></td><td>${
    f.source.publisher || f.source.reportingBody
  } ${citationLinkHtml(citationOf[f.sourceId] ?? 0)}</td></tr>`;
}

/**
 * The numbers of a chart as a table: what it draws, worded, dated and cited. Written as markup
 * (lib/html.ts), as the table of all reports is: a timeline's table can be long.
 */
export function ChartTable({ rows, caption, labelHeader, citationOf }: { rows: ChartRow[]; caption: string; labelHeader: string; citationOf: Record<number, number> }) {
  const showStatus = rows.some((r) => r.status);
  // reflow: one block per row on a phone (globals.css), labelled by position, with or without Status.
  const table = html`<table class="${showStatus ? 'chart-table reflow with-status' : 'chart-table reflow'}"><caption>${caption}</caption><thead><tr><th scope="col">${labelHeader}</th><th scope="col" class="num">Figure</th>${
    showStatus ? html`<th scope="col">Status</th>` : null
  }<th scope="col">Reported on</th><th scope="col">Source</th></tr></thead><tbody>${rows.map((r) => chartRowHtml(r, showStatus, citationOf))}</tbody></table>`;
  return <RawHtml className="table-wrap" html={table} />;
}
