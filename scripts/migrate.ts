/** npm run db:migrate — applies the committed migrations in drizzle/ to DATABASE_PATH. */
import { databasePath, openDatabase } from '@/db/index';
import { migrateDatabase } from '@/db/migrate';

const file = databasePath();
const db = openDatabase(file);
migrateDatabase(db);
db.$client.close();
console.log(`Database ${file} is up to date.`);
