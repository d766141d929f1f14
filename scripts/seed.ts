/** npm run db:seed — loads seed/ into DATABASE_PATH (migrating first); running it again changes nothing. */
import { databasePath, openDatabase } from '@/db/index';
import { migrateDatabase } from '@/db/migrate';
import { seedDatabase } from '@/lib/seed';

const file = databasePath();
const db = openDatabase(file);
try {
  migrateDatabase(db);
  const { imports } = seedDatabase(db);
  for (const s of imports) {
    console.log(`${s.file}: ${s.rowsRead} rows read, ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged.`);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
