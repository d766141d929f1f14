import { afterEach } from 'vitest';
import { closeDb, type Db } from '@/db/index';
import { restoreEnv } from './env';

/**
 * For tests of code that opens the process's own connection (getDb, as the pages do): `serve`
 * points DATABASE_PATH at a test database and returns the test's connection to it; after each
 * test the shared connection is closed, the file removed and DATABASE_PATH restored.
 */
export function serveTestDatabases(): (test: { db: Db; file: string; cleanup: () => void }) => Db {
  const original = process.env.DATABASE_PATH;
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    closeDb();
    cleanup?.();
    cleanup = undefined;
    restoreEnv('DATABASE_PATH', original);
  });
  return (test) => {
    cleanup = test.cleanup;
    process.env.DATABASE_PATH = test.file;
    return test.db;
  };
}
