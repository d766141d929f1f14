import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../index';
import { loginAttempts, type LoginAttempt, type LOGIN_ATTEMPT_SCOPES } from '../schema';

type Scope = (typeof LOGIN_ATTEMPT_SCOPES)[number];

/** The failure count for one account or address. */
export function findLoginAttempts(db: Executor, scope: Scope, key: string): LoginAttempt | undefined {
  return db.select().from(loginAttempts).where(and(eq(loginAttempts.scope, scope), eq(loginAttempts.key, key))).get();
}

/**
 * Counts one failure. `restart` starts the count again from 1 (the old failures were forgotten).
 */
export function recordLoginFailure(db: Executor, scope: Scope, key: string, now: Date, restart: boolean): void {
  const at = now.toISOString();
  db.insert(loginAttempts)
    .values({ scope, key, failures: 1, lastFailedAt: at })
    .onConflictDoUpdate({
      target: [loginAttempts.scope, loginAttempts.key],
      set: { failures: restart ? 1 : sql`${loginAttempts.failures} + 1`, lastFailedAt: at },
    })
    .run();
}

/** Forgets the failures of an account after a successful sign-in. */
export function clearLoginFailures(db: Executor, scope: Scope, key: string): void {
  db.delete(loginAttempts).where(and(eq(loginAttempts.scope, scope), eq(loginAttempts.key, key))).run();
}
