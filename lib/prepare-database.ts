import { openDatabase } from '@/db/index';
import { assertUsableDatabase, migrateDatabase } from '@/db/migrate';
import { isEmpty } from '@/db/queries/events';
import { seedDatabase } from './seed';

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
