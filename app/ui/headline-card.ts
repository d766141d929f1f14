import { givesNumber, reportsLeftOut } from '@/lib/dashboard';
import type { HeadlineCard as Card } from '@/lib/event-dashboard';
import { html, type Html } from '@/lib/html';
import { figureHref } from '@/lib/page-id';
import type { FigureChange } from '@/db/queries/audit-read';
import { bestEstimate, describeOtherReports, describeReportSpread, describeRevision, describeScope, figureParts, formatDate, unitShown } from '@/lib/wording';
import { citationLinkHtml } from './citation-link';

/** One headline: the latest figure of a series, who reported it and when, and the spread of reports. */
export function headlineCardHtml(card: Card, citation: number, change?: FigureChange): Html {
  const { headline, series, anchor } = card;
  const unit = unitShown(headline);
  const best = bestEstimate(headline);
  const range = series.range;
  const revision = describeRevision(headline, change);
  const spread = range ? describeReportSpread(range, headline.unit, reportsLeftOut(series)) : describeOtherReports(series, givesNumber(headline));
  // The metric is its section's heading, so on screen the card names only its group and place;
  // read out of its section (a list of the page's headings or links), card and number say the
  // metric too: the card is labelled, and the number described, by both.
  return html`<article class="${card.primary ? 'card card-primary' : 'card'}" id="${anchor}" aria-labelledby="${anchor}-label"><h4 id="${anchor}-label" class="card-label"><span class="visually-hidden" id="${anchor}-metric">${
    series.metricLabel
  }</span><span class="card-scope" id="${anchor}-scope">${describeScope(series.group, series.location)}</span></h4><p class="card-figure"><a class="card-value" href="${figureHref(
    headline.id,
  )}" aria-describedby="${anchor}-metric ${anchor}-scope">${cardValueHtml(headline)}</a>${unit || best ? html`<span class="card-unit">${unit ? ` ${unit}` : ''}${best ? ` (${best})` : ''}</span>` : null}</p><p class="card-meta">Reported <time datetime="${
    headline.reportedOn
  }">${formatDate(headline.reportedOn)}</time> by ${headline.source.reportingBody} ${citationLinkHtml(citation, `cite-${anchor}`)}${
    revision ? html`<span class="revision">; ${revision}</span>` : null
  }</p>${spread ? html`<p class="card-range">${spread}</p>` : null}</article>`;
}

/**
 * A card's number: the amount in a box of its own (an inline block), so that a line breaks after
 * "more than" rather than inside "KZT 87 billion" or "40–93.7", and inside the amount only when it
 * is wider than the card. Its text is the figure's words as they are anywhere else.
 */
function cardValueHtml(headline: Card['headline']): Html {
  const { qualifier, amount } = figureParts(headline);
  return html`${qualifier ? `${qualifier} ` : ''}<span class="amount">${amount}</span>`;
}
