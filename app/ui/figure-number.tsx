import { html, type Html } from '@/lib/html';
import { figureHref } from '@/lib/page-id';
import { bestEstimate, formatFigure, unitShown, type Wordable } from '@/lib/wording';
import { RawHtml } from './raw-html';

type Numbered = Wordable & { id: number; status: string };

/**
 * A figure's number as a table cell shows it: worded, struck through when retracted, linking to
 * the figure's own page (unless it is the page's own figure), then its unit and a range's best estimate.
 */
export function figureNumberHtml(figure: Numbered, current = false): Html {
  const unit = unitShown(figure);
  const className = figure.status === 'retracted' ? html` class="retracted"` : null;
  const best = bestEstimate(figure);
  return html`${current ? html`<strong${className}>${formatFigure(figure)}</strong>` : html`<a href="${figureHref(figure.id)}"${className}>${formatFigure(figure)}</a>`}${
    unit ? html`<span class="muted"> ${unit}</span>` : null
  }${best ? html`<span class="muted"> (${best})</span>` : null}`;
}

/** figureNumberHtml where a React page shows it. */
export function FigureNumber({ figure, current = false }: { figure: Numbered; current?: boolean }) {
  return <RawHtml as="span" className="markup" html={figureNumberHtml(figure, current)} />;
}
