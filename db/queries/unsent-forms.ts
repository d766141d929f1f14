import { and, eq, inArray, lte } from 'drizzle-orm';
import { withoutWaiting, type Db } from '../index';
import { sessions, unsentForms } from '../schema';

export type UnsentForm = { form: string; fields: string; sentAt: string };

/**
 * Keeps a form sent from a browser whose session has ended, for the editor of that session (the
 * session may be revoked, idle or expired, but must be known: a browser that never signed in
 * keeps nothing). It replaces the same form of the same page kept before, and forgets every form
 * sent before `forgetBefore`. False when no session has the token.
 */
export function keepUnsentForm(db: Db, f: { tokenHash: string; path: string; form: string; fields: string; sentAt: string; forgetBefore: string }): boolean {
  return db.transaction((tx) => {
    tx.delete(unsentForms).where(lte(unsentForms.sentAt, f.forgetBefore)).run();
    const owner = tx.select({ userId: sessions.userId }).from(sessions).where(eq(sessions.tokenHash, f.tokenHash)).get();
    if (!owner) return false;
    tx.insert(unsentForms)
      .values({ userId: owner.userId, path: f.path, form: f.form, fields: f.fields, sentAt: f.sentAt })
      .onConflictDoUpdate({ target: [unsentForms.userId, unsentForms.path, unsentForms.form], set: { fields: f.fields, sentAt: f.sentAt } })
      .run();
    return true;
  }, { behavior: 'immediate' });
}

/** The forms kept for an editor on a page (lib/auth/unsent-form.ts reads them once, then forgets them). */
export function findUnsentForms(db: Db, userId: number, path: string): Array<UnsentForm & { id: number }> {
  return db
    .select({ id: unsentForms.id, form: unsentForms.form, fields: unsentForms.fields, sentAt: unsentForms.sentAt })
    .from(unsentForms)
    .where(and(eq(unsentForms.userId, userId), eq(unsentForms.path, path)))
    .all();
}

/** Forgets kept forms by id, without waiting for another connection's write lock (SQLITE_BUSY at once). */
export function forgetUnsentForms(db: Db, ids: number[]): void {
  withoutWaiting(db, () => db.delete(unsentForms).where(inArray(unsentForms.id, ids)).run());
}
