/**
 * npm run db:seed [-- --catalog-only] — loads seed/ into DATABASE_PATH (migrating first). Running
 * it again changes nothing, and it never changes a figure that exists already. With
 * --catalog-only, only the events, metrics and sources: what an export needs to be imported into.
 */
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from '@/db/index';
import { assertUsableDatabase, migrateDatabase } from '@/db/migrate';
import { seedDatabase } from '@/lib/seed';

let catalogOnly = false;
try {
  catalogOnly = parseArgs({ options: { 'catalog-only': { type: 'boolean' } } }).values['catalog-only'] === true;
} catch (err) {
  console.error(`Not seeded: ${err instanceof Error ? err.message : String(err)} (the only option is --catalog-only)`);
  process.exit(2);
}
const file = databasePath();
try {
  // A damaged, foreign or newer database is refused before anything is written to it.
  assertUsableDatabase(file);
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    for (const s of seedDatabase(db, undefined, { figures: !catalogOnly }).imports) {
      console.log(`${s.file}: ${s.rowsRead} rows read, ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged.`);
    }
  } finally {
    db.$client.close();
  }
} catch (err) {
  console.error(`Not seeded: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
