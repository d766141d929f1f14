import { count } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db/index';
import { assertUsableDatabase, migrateDatabase } from '@/db/migrate';
import { events } from '@/db/schema';
import { seedDatabase } from './seed';

/** Whether the database holds no events yet (a new file, or one only migrated). */
export function isEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(events).get()?.n ?? 0) === 0;
}

/**
 * Brings the database at `file` up to date: checks it is ours and sound, applies pending
 * migrations, and seeds it when it is empty. A database that already holds data is never
 * reseeded; one that is damaged or newer is left exactly as it is (UnusableDatabaseError).
 */
export function prepareDatabase(file: string): { seeded: boolean } {
  assertUsableDatabase(file);
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
