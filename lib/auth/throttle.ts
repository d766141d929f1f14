/**
 * How repeated failed sign-ins are slowed down and then locked out. Pure functions of the
 * failure count and the time of the last failure, so the rules can be tested without a clock.
 */
export type ThrottlePolicy = {
  /** Failures allowed before any waiting. */
  freeFailures: number;
  /** From this many failures on, sign-in is locked for `lockMs`. */
  lockAfter: number;
  lockMs: number;
  /** Longest wait while slowing down (before the lock). */
  maxDelayMs: number;
  /** A count older than this (since the last failure) is forgotten. */
  forgetAfterMs: number;
};

/** Per account: a person mistyping gets a few free tries; a guesser is soon locked out. */
export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 3, lockAfter: 10, lockMs: 15 * 60_000, maxDelayMs: 30_000, forgetAfterMs: 60 * 60_000 };
/** Per address: looser, since colleagues behind one office address share it. */
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 10, lockAfter: 30, lockMs: 15 * 60_000, maxDelayMs: 30_000, forgetAfterMs: 60 * 60_000 };

/** How long after the last failure the next attempt must wait: 0, then 1 s, 2 s, 4 s … up to the cap, then the lock. */
export function waitAfterFailures(failures: number, policy: ThrottlePolicy): number {
  if (failures >= policy.lockAfter) return policy.lockMs;
  if (failures < policy.freeFailures) return 0;
  return Math.min(1000 * 2 ** (failures - policy.freeFailures), policy.maxDelayMs);
}

/** The failures that still count at `now` (0 once the last failure is long enough ago). */
export function activeFailures(record: { failures: number; lastFailedAt: string } | undefined, now: Date, policy: ThrottlePolicy): number {
  if (!record) return 0;
  const since = now.getTime() - Date.parse(record.lastFailedAt);
  return since > Math.max(policy.forgetAfterMs, waitAfterFailures(record.failures, policy)) ? 0 : record.failures;
}

/** Milliseconds until another attempt is allowed (0 when it is allowed now). */
export function msUntilAllowed(record: { failures: number; lastFailedAt: string } | undefined, now: Date, policy: ThrottlePolicy): number {
  const failures = activeFailures(record, now, policy);
  if (!record || failures === 0) return 0;
  const until = Date.parse(record.lastFailedAt) + waitAfterFailures(failures, policy);
  return Math.max(0, until - now.getTime());
}

/** "Too many failed sign-ins. Try again in 15 minutes." */
export function tooManyAttemptsMessage(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const wait = seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? '' : 's'}`;
  return `Too many failed sign-ins. Try again in ${wait}.`;
}
