import { createHash } from 'node:crypto';
import type { Db } from '@/db/index';
import { readDataVersion } from '@/db/queries/data-version';

/**
 * A cheap fingerprint of everything a write could touch: the row count and largest id of each
 * table, and the data version the triggers bump on any change. Equal before and after means
 * nothing was written (dumpTables compares every row, for when that cost is affordable).
 */
export function writeState(db: Db): Record<string, unknown> {
  const tables = db.$client
    .prepare("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
    .all() as Array<{ name: string; wr: number }>;
  const state: Record<string, unknown> = { dataVersion: readDataVersion(db).version };
  for (const { name, wr } of tables) {
    // A WITHOUT ROWID table (the series summaries) has no rowid: its rows are compared whole.
    state[name] = wr
      ? createHash('sha256').update(JSON.stringify(db.$client.prepare(`SELECT * FROM "${name}"`).raw().all())).digest('hex')
      : db.$client.prepare(`SELECT count(*) AS rows, max(rowid) AS last FROM "${name}"`).get();
  }
  return state;
}
