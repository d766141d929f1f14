/** npm run db:migrate — applies the committed migrations in drizzle/ to DATABASE_PATH. */
import { databasePath, openDatabase } from '@/db/index';
import { assertUsableDatabase, migrateDatabase } from '@/db/migrate';

const file = databasePath();
try {
  // A damaged, foreign or newer database is refused before anything is written to it.
  assertUsableDatabase(file);
  const db = openDatabase(file);
  migrateDatabase(db);
  db.$client.close();
  console.log(`Database ${file} is up to date.`);
} catch (err) {
  console.error(`Not migrated: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
