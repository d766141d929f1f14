import type { SynthEvent, SynthFigure, SynthSource } from '@/lib/synth';
import type { Db } from '../index';

/**
 * Bulk writers for the benchmark data generator: plain prepared statements in one transaction
 * per event, because a million rows through a query builder would measure the builder.
 */
export function synthWriter(db: Db) {
  const sqlite = db.$client;
  const metricIds = new Map((sqlite.prepare('SELECT key, id FROM metrics').all() as Array<{ key: string; id: number }>).map((m) => [m.key, m.id]));
  const insertEvent = sqlite.prepare(
    'INSERT INTO events (slug, name, country, start_date, end_date, description) VALUES (@slug, @name, @country, @startDate, @endDate, @description) RETURNING id',
  );
  const insertSource = sqlite.prepare(
    'INSERT INTO sources (reporting_body, publisher, title, url, published_on) VALUES (@reportingBody, @publisher, @title, @url, @publishedOn) RETURNING id',
  );
  const insertFigure = sqlite.prepare(
    `INSERT INTO figures (event_id, metric_id, group_name, location, qualifier, value_low, value_best, value_high, unit, reported_on, source_id, note, status, retraction_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const writeEvent = sqlite.transaction((event: SynthEvent, sources: SynthSource[], figures: Iterable<SynthFigure>) => {
    const eventId = (insertEvent.get(event) as { id: number }).id;
    const sourceIds = sources.map((s) => (insertSource.get(s) as { id: number }).id);
    let n = 0;
    for (const f of figures) {
      const metricId = metricIds.get(f.metricKey);
      if (metricId === undefined) throw new Error(`metric ${f.metricKey} is missing; seed the metrics first`);
      insertFigure.run(eventId, metricId, f.group, f.location, f.qualifier, f.valueLow, f.valueBest, f.valueHigh, f.unit, f.reportedOn, sourceIds[f.source], f.note, f.status, f.retractionReason);
      n++;
    }
    return n;
  });
  return {
    writeEvent,
    eventExists: (slug: string) => Boolean(sqlite.prepare('SELECT 1 FROM events WHERE slug = ?').get(slug)),
    deferIndexes,
  };

  /**
   * Drops the figures' secondary indexes for the bulk write and returns a function that builds
   * them again from their own definitions: one sort per index beats a million index updates.
   */
  function deferIndexes(): () => void {
    const indexes = sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'figures' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'")
      .all() as Array<{ name: string; sql: string }>;
    for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
    return () => {
      for (const index of indexes) sqlite.exec(index.sql);
      sqlite.exec('ANALYZE');
    };
  }
}

/**
 * Copies every event of the database `fromFile` into `db` (same schema): the catalog an import
 * of that database's export needs, without its figures and sources.
 */
export function copyEvents(db: Db, fromFile: string): number {
  const sqlite = db.$client;
  sqlite.prepare('ATTACH DATABASE ? AS copy_from').run(fromFile);
  try {
    return sqlite.prepare('INSERT INTO events SELECT * FROM copy_from.events').run().changes;
  } finally {
    sqlite.exec('DETACH DATABASE copy_from');
  }
}
