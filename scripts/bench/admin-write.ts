import type { Db } from '@/db/index';
import { findEventBySlug } from '@/db/queries/events';
import { figureFormOptions } from '@/db/queries/figure-admin';
import { createFigure } from '@/db/queries/figure-writes';
import { figureFormSchema } from '@/lib/validation/figure-form';
import { formatFigure } from '@/lib/wording';

const ACTOR = { userId: null, label: 'bench' };

/**
 * What an editor's save does, on the same write path as the admin form (figureFormSchema, then
 * createFigure in one transaction with its audit entry): a new deaths figure for the event's
 * whole count, reported today, so it becomes the headline of the event's first card. Each call
 * gives a new value; `expectedText` is how the page words it.
 */
export function adminWriter(db: Db, eventSlug: string) {
  const event = findEventBySlug(db, eventSlug);
  if (!event) throw new Error(`no event ${eventSlug}`);
  const options = figureFormOptions(db);
  const deaths = options.metrics.find((m) => m.label === 'Deaths');
  if (!deaths || !options.sources.length) throw new Error('the database has no Deaths metric or no source');
  let next = 900_001 + Math.floor(Math.random() * 10_000) * 10;
  let writes = 0;
  return (): { expectedText: string } => {
    const value = next++;
    // One report per source and day is allowed, so each write cites the next source.
    const source = options.sources[writes++ % options.sources.length]!;
    const input = figureFormSchema.parse({
      eventId: String(event.id),
      metricId: String(deaths.id),
      group: 'all',
      location: event.country,
      qualifier: 'exact',
      valueLow: '',
      valueBest: String(value),
      valueHigh: '',
      unit: 'people',
      reportedOn: new Date().toISOString().slice(0, 10),
      quote: '',
      note: `bench write ${value}`,
      sourceChoice: 'existing',
      sourceId: String(source.id),
    });
    createFigure(db, input, ACTOR);
    return { expectedText: formatFigure({ qualifier: 'exact', valueLow: null, valueBest: value, valueHigh: null, unit: 'people' }) };
  };
}
