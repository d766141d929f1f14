import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import { idleSince } from '@/lib/auth/session-token';
import { withoutWaiting, type Db, type Executor } from '../index';
import { adminUsers, sessions } from '../schema';

export type SessionUser = { sessionId: number; userId: number; email: string; expiresAt: string; lastSeenAt: string | null };

/** Stores a session by the hash of its token, as used at `now` (its sign-in). */
export function insertSession(db: Executor, s: { tokenHash: string; userId: number; expiresAt: string }, now: Date = new Date()): void {
  db.insert(sessions).values({ ...s, lastSeenAt: now.toISOString() }).run();
}

/**
 * The signed-in account for a token hash, when the session is neither revoked nor expired and
 * was used within the idle limit (lib/auth/session-token.ts, `idleSince`).
 */
export function findActiveSession(db: Executor, tokenHash: string, now: Date = new Date()): SessionUser | undefined {
  return db
    .select({ sessionId: sessions.id, userId: adminUsers.id, email: adminUsers.email, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(adminUsers, eq(adminUsers.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now.toISOString()), gt(sessions.lastSeenAt, idleSince(now))))
    .get();
}

/**
 * Writes down that a session was used at `now` (what keeps it from ending as idle). It does not
 * wait for another connection's write (an import from the command line): SQLITE_BUSY at once,
 * and the use is written down at a later request.
 */
export function touchSession(db: Db, sessionId: number, now: Date = new Date()): void {
  withoutWaiting(db, () => db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, sessionId)).run());
}

/** Ends a session for good: its cookie no longer signs anyone in, even before it expires. */
export function revokeSession(db: Executor, tokenHash: string, now: Date = new Date()): void {
  db.update(sessions).set({ revokedAt: now.toISOString() }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt))).run();
}

/**
 * Forgets the sessions that have expired. One that was revoked or ended unused signs nobody in
 * either, but is kept until it would have expired: a form its browser sends meanwhile is kept for
 * its editor by it (db/queries/unsent-forms.ts).
 */
export function deleteExpiredSessions(db: Executor, now: Date = new Date()): void {
  db.delete(sessions).where(lte(sessions.expiresAt, now.toISOString())).run();
}
