import type { Database, Statement } from 'better-sqlite3';
import type { Db } from './index';

/**
 * A statement asked on every request (the page cache's version, whether a page's subject exists),
 * prepared once per connection: preparing it again each time cost more than running it.
 * `prepare` makes it from the connection (plucked, or with typed rows, as the caller wants).
 */
export function preparedPerConnection<P extends unknown[], R>(prepare: (client: Database) => Statement<P, R>): (db: Db) => Statement<P, R> {
  const statements = new WeakMap<Database, Statement<P, R>>();
  return (db) => {
    let statement = statements.get(db.$client);
    if (!statement) {
      statement = prepare(db.$client);
      statements.set(db.$client, statement);
    }
    return statement;
  };
}
