/** What an editor (or the import, or an API client) is told when a write could not get the lock. */
export const DATABASE_BUSY_MESSAGE =
  'The database is busy with another change (an import or another editor’s save), so nothing was saved. Try again in a moment.';

/** Sign-in could not record the session; nothing was changed. */
export const SIGN_IN_BUSY_MESSAGE = 'The database is busy with another change, so you are not signed in yet. Try again in a moment.';

/** Sign-out could not revoke the session, which is still live: the editor must try again. */
export const SIGN_OUT_BUSY_MESSAGE = 'The database is busy with another change, so you are not signed out yet. Try again in a moment.';

/**
 * Whether `err` is SQLite giving up on a lock another connection holds: SQLITE_BUSY (and its
 * extended codes such as SQLITE_BUSY_SNAPSHOT) or SQLITE_LOCKED, as better-sqlite3 reports them
 * in `code`. Such a write was rolled back whole, so "nothing was saved" is true, and trying
 * again later can succeed: it is the editor's to retry, not a server fault.
 */
export function isDatabaseBusy(err: unknown): boolean {
  if (!(err instanceof Error) || !('code' in err) || typeof err.code !== 'string') return false;
  return /^SQLITE_(BUSY|LOCKED)(_|$)/.test(err.code);
}
