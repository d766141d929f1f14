/**
 * npm run db:seed — loads seed/ into DATABASE_PATH (migrating first). Running it again changes
 * nothing, and it never changes a figure that exists already.
 */
import { databasePath, openDatabase } from '@/db/index';
import { assertUsableDatabase, migrateDatabase } from '@/db/migrate';
import { seedDatabase } from '@/lib/seed';

const file = databasePath();
try {
  // A damaged, foreign or newer database is refused before anything is written to it.
  assertUsableDatabase(file);
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    for (const s of seedDatabase(db).imports) {
      console.log(`${s.file}: ${s.rowsRead} rows read, ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged.`);
    }
  } finally {
    db.$client.close();
  }
} catch (err) {
  console.error(`Not seeded: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
