/** Migrates DATABASE_PATH and seeds it when empty (used by `npm run dev`). */
import { databasePath } from '@/db/index';
import { prepareDatabase } from '@/lib/prepare-database';

const file = databasePath();
const { seeded } = prepareDatabase(file);
console.log(`Database ${file}: migrated${seeded ? ', seeded' : ''}.`);
