import type { Db } from '@/db/index';
import { createAdmin } from '@/lib/auth/accounts';
import { createTestDb } from './db';
import { EDITOR } from './editor-session';
import { requestCookies, requestHeaders } from './next-headers';
import type { serveTestDatabases } from './served-db';

/**
 * For tests of the sign-in action: an empty database with the test editor's account, served as
 * the process's own connection (`serve`, from serveTestDatabases, which closes and removes it
 * after the test), and no request cookies or headers left from the test before.
 */
export async function editorAccountDb(serve: ReturnType<typeof serveTestDatabases>): Promise<Db> {
  const db = serve(createTestDb());
  await createAdmin(db, EDITOR.email, EDITOR.password);
  requestCookies.clear();
  requestHeaders.clear();
  return db;
}
