import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from './index';

/** The folder of committed migrations, found from the working directory (the project root). */
export const migrationsFolder = path.resolve(process.env.MIGRATIONS_PATH || 'drizzle');

/** Applies every migration not yet applied; a no-op on an up-to-date database. */
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder });
}
