import { asc } from 'drizzle-orm';
import type { Executor } from '../index';
import { preparedQueryPer } from '../prepared';
import { metrics, type Metric } from '../schema';

// Read by every render of an event page after a change: prepared once per connection.
const metricsQuery = preparedQueryPer((db) =>
  db.select({ id: metrics.id, key: metrics.key, label: metrics.label, unit: metrics.unit, sortOrder: metrics.sortOrder }).from(metrics).prepare(),
);

/** Every metric by id (a handful of rows). */
export function listMetricsById(db: Executor): Map<number, Pick<Metric, 'key' | 'label' | 'unit' | 'sortOrder'>> {
  return new Map(metricsQuery(db).all().map(({ id, ...m }) => [id, m]));
}

/** The metrics as the data guide lists them: key (the API's and CSV's name), label, unit and HXL hashtag, in page order. */
export function listMetricCatalog(db: Executor): Array<Pick<Metric, 'key' | 'label' | 'unit' | 'hxlTag'>> {
  return db.select({ key: metrics.key, label: metrics.label, unit: metrics.unit, hxlTag: metrics.hxlTag }).from(metrics).orderBy(asc(metrics.sortOrder), asc(metrics.key)).all();
}
