import { sql } from 'drizzle-orm';
import type { Executor } from '../index';

/** Reads the database once; throws when it cannot be read or has no schema. */
export function checkDatabase(db: Executor): { events: number; figures: number } {
  const row = db.get<{ events: number; figures: number }>(
    sql`SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM figures) AS figures`,
  );
  return row;
}
