import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Executor } from '../index';
import { adminUsers, sessions } from '../schema';

export type SessionUser = { sessionId: number; userId: number; email: string; expiresAt: string };

/** Stores a session by the hash of its token. */
export function insertSession(db: Executor, s: { tokenHash: string; userId: number; expiresAt: string }): void {
  db.insert(sessions).values(s).run();
}

/** The signed-in account for a token hash, when the session is neither revoked nor expired. */
export function findActiveSession(db: Executor, tokenHash: string, now: Date = new Date()): SessionUser | undefined {
  return db
    .select({ sessionId: sessions.id, userId: adminUsers.id, email: adminUsers.email, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(adminUsers, eq(adminUsers.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now.toISOString())))
    .get();
}

/** Ends a session for good: its cookie no longer signs anyone in, even before it expires. */
export function revokeSession(db: Executor, tokenHash: string, now: Date = new Date()): void {
  db.update(sessions).set({ revokedAt: now.toISOString() }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt))).run();
}

/** Forgets the sessions that have expired (revoked or not): none of them can sign anyone in again. */
export function deleteExpiredSessions(db: Executor, now: Date = new Date()): void {
  db.delete(sessions).where(lte(sessions.expiresAt, now.toISOString())).run();
}
