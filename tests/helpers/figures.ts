import type { Db } from '@/db/index';
import { createFigure } from '@/db/queries/figure-writes';
import type { Figure } from '@/db/schema';
import { figureFormSchema, type FigureFormInput } from '@/lib/validation/figure-form';
import type { FigureWithContext } from '@/db/queries/figures';

let nextId = 1;

/** A figure with its metric and source, for rule tests that need no database. */
export function makeFigure(over: Partial<FigureWithContext> & { metricKey?: string; sourceId?: number } = {}): FigureWithContext {
  const id = over.id ?? nextId++;
  const sourceId = over.sourceId ?? 1;
  const metricKey = over.metricKey ?? 'deaths';
  const { metricKey: _m, ...rest } = over;
  return {
    id,
    eventId: 1,
    metricId: 1,
    group: 'all',
    location: 'Kazakhstan',
    qualifier: 'exact',
    valueLow: null,
    valueBest: 10,
    valueHigh: null,
    unit: 'people',
    reportedOn: '2022-01-10',
    sourceId,
    quote: null,
    note: '',
    status: 'published',
    retractionReason: null,
    revision: 1,
    createdAt: `2022-02-01T00:00:${String(id % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2022-02-01T00:00:00.000Z',
    metric: { key: metricKey, label: metricKey[0]!.toUpperCase() + metricKey.slice(1), unit: 'people', hxlTag: '#affected', sortOrder: metricKey === 'deaths' ? 1 : 2 },
    source: {
      id: sourceId,
      reportingBody: `Body ${sourceId}`,
      publisher: `Publisher ${sourceId}`,
      title: '',
      url: '',
      publishedOn: '2022-01-10',
      createdAt: '2022-02-01T00:00:00.000Z',
      updatedAt: '2022-02-01T00:00:00.000Z',
    },
    ...rest,
  };
}

/** The 238 death toll in Kazakhstan as the admin form submits it, with a new source. */
export function deathTollForm(over: Record<string, string> = {}): FigureFormInput {
  return figureFormSchema.parse({
    eventId: '1', metricId: '1', group: 'all', location: 'Kazakhstan', qualifier: 'exact', valueLow: '', valueBest: '238', valueHigh: '',
    unit: 'people', reportedOn: '2022-12-01', sourceChoice: 'new', sourceId: '', newSourceReportingBody: "Prosecutor General's Office",
    newSourcePublisher: 'Wire', newSourceTitle: 'Toll revised', newSourceUrl: 'https://example.org/238', newSourcePublishedOn: '2022-12-01',
    quote: '', note: '', ...over,
  });
}


/**
 * A second event beside the seeded one (it gets id 2): `slug`, in Testland, with one death toll
 * of 4 for the whole country from the first source, saved through the admin form's path.
 */
export function addOtherEvent(db: Db, slug = 'other'): Figure {
  db.$client.prepare("INSERT INTO events (slug, name, country, start_date) VALUES (?, 'Other event', 'Testland', '2023-01-01')").run(slug);
  return createFigure(db, deathTollForm({ eventId: '2', location: 'Testland', valueBest: '4', sourceChoice: 'existing', sourceId: '1' }), { userId: null, label: 'editor@example.org' });
}
