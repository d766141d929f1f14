import type { Executor } from '../index';
import { metrics, type Metric } from '../schema';

/** Every metric by id (a handful of rows). */
export function listMetricsById(db: Executor): Map<number, Pick<Metric, 'key' | 'label' | 'unit' | 'sortOrder'>> {
  return new Map(
    db
      .select({ id: metrics.id, key: metrics.key, label: metrics.label, unit: metrics.unit, sortOrder: metrics.sortOrder })
      .from(metrics)
      .all()
      .map(({ id, ...m }) => [id, m]),
  );
}
