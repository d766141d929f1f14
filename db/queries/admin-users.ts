import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../index';
import { adminUsers, sessions, type AdminUser } from '../schema';
import { revokeDeviceCookies } from './device-cookies';

/** The account with this (lower-case) e-mail. */
export function findAdminByEmail(db: Executor, email: string): AdminUser | undefined {
  return db.select().from(adminUsers).where(eq(adminUsers.email, email)).get();
}

/** Creates an account; throws when the e-mail is taken (the unique index says so). */
export function insertAdminUser(db: Executor, email: string, passwordHash: string): AdminUser {
  return db.insert(adminUsers).values({ email, passwordHash }).returning().get();
}

/**
 * Sets a new password, signs the account out everywhere and forgets its device cookies (no browser
 * it was signed in with is trusted any more), in one transaction.
 */
export function replacePassword(db: Executor, userId: number, passwordHash: string, now: Date = new Date()): void {
  db.transaction((tx) => {
    tx.update(adminUsers).set({ passwordHash, updatedAt: now.toISOString() }).where(eq(adminUsers.id, userId)).run();
    tx.update(sessions).set({ revokedAt: now.toISOString() }).where(eq(sessions.userId, userId)).run();
    revokeDeviceCookies(tx, userId);
  });
}

/**
 * Stores the same password hashed again with stronger parameters, if the hash is still `was`:
 * no session ends (the password did not change), and a password changed meanwhile is kept.
 */
export function upgradePasswordHash(db: Executor, userId: number, was: string, passwordHash: string): void {
  db.update(adminUsers).set({ passwordHash }).where(and(eq(adminUsers.id, userId), eq(adminUsers.passwordHash, was))).run();
}

/** Every account, oldest first, without password hashes. */
export function listAdminUsers(db: Executor): Array<Pick<AdminUser, 'id' | 'email' | 'createdAt'>> {
  return db.select({ id: adminUsers.id, email: adminUsers.email, createdAt: adminUsers.createdAt }).from(adminUsers).orderBy(asc(adminUsers.id)).all();
}
