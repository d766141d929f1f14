import Database from 'better-sqlite3';

/** A read-only look at the database the server under test uses, to compare the page with it. */
export function openE2eDatabase(): Database.Database {
  const file = process.env.E2E_DATABASE_PATH;
  if (!file) throw new Error('E2E_DATABASE_PATH is not set; run the end-to-end tests through playwright.config.ts');
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** The headline of every series of a metric, by the documented rule, in SQL: a second opinion. */
export function headlinesInDb(db: Database.Database, eventSlug: string, metricKey: string) {
  return db
    .prepare(
      `SELECT f.group_name AS "group", f.location, f.value_low AS low, f.value_best AS best, f.value_high AS high
       FROM figures f JOIN events e ON e.id = f.event_id JOIN metrics m ON m.id = f.metric_id
       WHERE e.slug = ? AND m.key = ? AND f.status = 'published' AND f.id = (
         SELECT g.id FROM figures g WHERE g.event_id = f.event_id AND g.metric_id = f.metric_id AND g.group_name = f.group_name
           AND g.location = f.location AND g.status = 'published'
         ORDER BY g.reported_on DESC, g.created_at DESC, g.id DESC LIMIT 1)
       ORDER BY f.group_name, f.location`,
    )
    .all(eventSlug, metricKey) as Array<{ group: string; location: string; low: number | null; best: number | null; high: number | null }>;
}
