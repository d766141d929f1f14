import { figureHref } from '@/lib/page-id';
import { formatFigure, unitShown, type Wordable } from '@/lib/wording';

/**
 * A figure's number as a table cell shows it: worded, struck through when retracted, linking to
 * the figure's own page (unless it is the page's own figure), then its unit.
 */
export function FigureNumber({ figure, current = false }: { figure: Wordable & { id: number; status: string }; current?: boolean }) {
  const unit = unitShown(figure);
  const className = figure.status === 'retracted' ? 'retracted' : undefined;
  return (
    <>
      {current ? <strong className={className}>{formatFigure(figure)}</strong> : <a href={figureHref(figure.id)} className={className}>{formatFigure(figure)}</a>}
      {unit ? <span className="muted"> {unit}</span> : null}
    </>
  );
}
