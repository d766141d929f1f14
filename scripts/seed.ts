/**
 * npm run db:seed [-- --catalog-only] — loads seed/ into DATABASE_PATH (migrating first). Running
 * it again changes nothing, and it never changes a figure that exists already. With
 * --catalog-only, only the events, metrics and sources: what an export needs to be imported into.
 */
import { databasePath, openDatabase } from '@/db/index';
import { assertUsableDatabase, migrateDatabase } from '@/db/migrate';
import { seedDatabase } from '@/lib/seed';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--catalog-only');
if (unknown.length) {
  console.error(`Not seeded: unknown argument ${unknown[0]}; the only option is --catalog-only.`);
  process.exit(2);
}
const file = databasePath();
try {
  // A damaged, foreign or newer database is refused before anything is written to it.
  assertUsableDatabase(file);
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    for (const s of seedDatabase(db, undefined, { figures: !args.includes('--catalog-only') }).imports) {
      console.log(`${s.file}: ${s.rowsRead} rows read, ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged.`);
    }
  } finally {
    db.$client.close();
  }
} catch (err) {
  console.error(`Not seeded: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
