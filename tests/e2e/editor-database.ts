import { openDatabase } from '@/db/index';
import { createAdmin } from '@/lib/auth/accounts';
import { prepareDatabase } from '@/lib/prepare-database';

/** A migrated, seeded database at `file` with one editor's account, for a server of a test's own. */
export async function prepareEditorDatabase(file: string, editor: { email: string; password: string }): Promise<void> {
  prepareDatabase(file);
  const db = openDatabase(file);
  try {
    await createAdmin(db, editor.email, editor.password);
  } finally {
    db.$client.close();
  }
}
