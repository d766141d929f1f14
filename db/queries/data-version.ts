import { eq } from 'drizzle-orm';
import type { Executor } from '../index';
import { dataVersion } from '../schema';

/** The counter of changes to public data; one indexed single-row read. */
export function readDataVersion(db: Executor): { version: number; updatedAt: string } {
  return db.select({ version: dataVersion.version, updatedAt: dataVersion.updatedAt }).from(dataVersion).where(eq(dataVersion.id, 1)).get() ?? { version: 0, updatedAt: '' };
}
