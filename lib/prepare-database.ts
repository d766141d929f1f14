import { count } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db/index';
import { migrateDatabase } from '@/db/migrate';
import { events } from '@/db/schema';
import { seedDatabase } from './seed';

/** Whether the database holds no events yet (a new file, or one only migrated). */
export function isEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(events).get()?.n ?? 0) === 0;
}

/**
 * Brings the database at `file` up to date: applies pending migrations and seeds it when it is
 * empty. A database that already holds data is never reseeded.
 */
export function prepareDatabase(file: string): { seeded: boolean } {
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    if (!isEmpty(db)) return { seeded: false };
    seedDatabase(db);
    return { seeded: true };
  } finally {
    db.$client.close();
  }
}
