import { afterAll, beforeAll } from 'vitest';
import { closeDb, type Db } from '@/db/index';
import { SESSION_COOKIE } from '@/lib/auth/session-token';
import { createSeededTestDb } from './db';
import { signedInEditor } from './editor-session';
import { restoreEnv } from './env';
import { requestCookies } from './next-headers';

/**
 * For a file of tests that call server actions as a signed-in editor: before its tests, a seeded
 * database that the process's own connection (getDb) serves, and the test editor's session
 * cookie set (next/headers mocked by ../helpers/next-headers); after them, the connection closed,
 * the file removed and DATABASE_PATH restored. The test's own connection and the session token
 * are read once the tests run.
 */
export function signedInEditorOnSeededDb(): { readonly db: Db; readonly token: string } {
  const original = process.env.DATABASE_PATH;
  let state: { db: Db; token: string; cleanup: () => void } | undefined;
  beforeAll(async () => {
    const test = createSeededTestDb();
    process.env.DATABASE_PATH = test.file;
    const token = await signedInEditor(test.db);
    requestCookies.set(SESSION_COOKIE, token);
    state = { db: test.db, token, cleanup: test.cleanup };
  });
  afterAll(() => {
    closeDb();
    restoreEnv('DATABASE_PATH', original);
    state?.cleanup();
  });
  const ready = () => {
    if (!state) throw new Error('the signed-in database is set up in beforeAll: read it inside a test or hook');
    return state;
  };
  return {
    get db() {
      return ready().db;
    },
    get token() {
      return ready().token;
    },
  };
}
