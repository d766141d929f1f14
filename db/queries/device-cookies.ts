import { and, desc, eq, gt, lte, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../index';
import { deviceCookies } from '../schema';

export type TrustedDeviceRow = { id: number; failures: number; lastFailedAt: string | null };

/**
 * The device cookie with this token hash, when it was issued for `userId` and has not expired at
 * `now`: its failure count. One of another account, expired, retired or unknown: undefined.
 */
export function findDeviceCookie(db: Executor, d: { tokenHash: string; userId: number }, now: Date): TrustedDeviceRow | undefined {
  return db
    .select({ id: deviceCookies.id, failures: deviceCookies.failures, lastFailedAt: deviceCookies.lastFailedAt })
    .from(deviceCookies)
    .where(and(eq(deviceCookies.tokenHash, d.tokenHash), eq(deviceCookies.userId, d.userId), gt(deviceCookies.expiresAt, now.toISOString())))
    .get();
}

/**
 * Stores a new device cookie by the hash of its token, issued at `now`, and forgets the account's
 * oldest beyond the newest `keep`.
 */
export function issueDeviceCookie(db: Executor, d: { tokenHash: string; userId: number; expiresAt: string; keep: number }, now: Date): void {
  db.insert(deviceCookies).values({ tokenHash: d.tokenHash, userId: d.userId, expiresAt: d.expiresAt, createdAt: now.toISOString() }).run();
  const newest = db
    .select({ id: deviceCookies.id })
    .from(deviceCookies)
    .where(eq(deviceCookies.userId, d.userId))
    .orderBy(desc(deviceCookies.createdAt), desc(deviceCookies.id))
    .limit(d.keep);
  db.delete(deviceCookies).where(and(eq(deviceCookies.userId, d.userId), notInArray(deviceCookies.id, newest))).run();
}

/** Counts one failure of a device. `restart` starts its count again from 1 (the old failures were forgotten). */
export function recordDeviceFailure(db: Executor, id: number, now: Date, restart: boolean): void {
  db.update(deviceCookies)
    .set({ failures: restart ? 1 : sql`${deviceCookies.failures} + 1`, lastFailedAt: now.toISOString() })
    .where(eq(deviceCookies.id, id))
    .run();
}

/** Retires a device cookie (its browser is given a new one): it makes no browser trusted again. */
export function retireDeviceCookie(db: Executor, tokenHash: string): void {
  db.delete(deviceCookies).where(eq(deviceCookies.tokenHash, tokenHash)).run();
}

/** Forgets every device cookie of an account (a password reset): none of its browsers is trusted any more. */
export function revokeDeviceCookies(db: Executor, userId: number): void {
  db.delete(deviceCookies).where(eq(deviceCookies.userId, userId)).run();
}

/** Forgets the device cookies that have expired (they make no browser trusted anyway). */
export function deleteExpiredDeviceCookies(db: Executor, now: Date): void {
  db.delete(deviceCookies).where(lte(deviceCookies.expiresAt, now.toISOString())).run();
}
