/**
 * How repeated failed sign-ins are slowed down and then locked out: the one rule, over the counts
 * kept in the login_attempts table (per e-mail address and per client address) and, for a browser
 * that presents a device cookie of the account (OWASP's "device cookies"), that device's own count
 * in device_cookies. Pure functions of the failure count and the time of the last failure, so the
 * rules can be tested without a clock. A lock ends by itself when its time is up; a successful
 * sign-in clears the account's count (lib/auth/sign-in.ts), never the address's.
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
/**
 * Per device: a browser the editor has signed in with before answers to its own count instead of
 * the account's, so that strangers who lock the account do not lock the editor out. Once it
 * reaches its lock the device is trusted no more and answers to the account's count like any
 * other browser.
 */
export const DEVICE_POLICY: ThrottlePolicy = { freeFailures: 3, lockAfter: 10, lockMs: 15 * 60_000, maxDelayMs: 30_000, forgetAfterMs: 60 * 60_000 };
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

type FailureRecord = { failures: number; lastFailedAt: string } | undefined;

/** A valid, unexpired device cookie of the account typed, presented by the browser: its own failures (undefined: none). */
export type PresentedDevice = { failures: FailureRecord };

/** How long the next sign-in must wait, and whether that is because a count reached its lock. */
export type SignInWait = { ms: number; locked: 'account' | 'address' | null };

const isLocked = (record: FailureRecord, now: Date, policy: ThrottlePolicy) =>
  msUntilAllowed(record, now, policy) > 0 && activeFailures(record, now, policy) >= policy.lockAfter;

/**
 * Whether an attempt that presents `device` is trusted: it answers to the device's own count, not
 * to the account's. Only a device that has not reached its own lock is; no device cookie (or one
 * that is unknown, expired, retired or of another account: `null`) never is.
 */
export function trustsDevice(device: PresentedDevice | null | undefined, now: Date): boolean {
  return device != null && !isLocked(device.failures, now, DEVICE_POLICY);
}

/**
 * Whether a sign-in for an account from an address must wait at `now`: the longer of the waits
 * of the address's count and of the account's (or, from a trusted device, the device's own), or
 * null when it may go ahead. An account's lock is named before an address's; a trusted device is
 * never locked (at its lock it is no longer trusted).
 */
export function signInWait(counts: { account: FailureRecord; address: FailureRecord; device?: PresentedDevice | null }, now: Date): SignInWait | null {
  const trusted = trustsDevice(counts.device, now);
  const own = trusted ? msUntilAllowed(counts.device?.failures, now, DEVICE_POLICY) : msUntilAllowed(counts.account, now, ACCOUNT_POLICY);
  const ms = Math.max(own, msUntilAllowed(counts.address, now, ADDRESS_POLICY));
  if (ms === 0) return null;
  const accountLocked = !trusted && isLocked(counts.account, now, ACCOUNT_POLICY);
  const locked = accountLocked ? 'account' : isLocked(counts.address, now, ADDRESS_POLICY) ? 'address' : null;
  return { ms, locked };
}

function inWords(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** "Too many failed sign-ins. Try again in 4 seconds." */
export function tooManyAttemptsMessage(ms: number): string {
  return `Too many failed sign-ins. Try again in ${inWords(ms)}.`;
}

/**
 * What the sign-in form says while it must wait. A lock says so and why; it never says whether
 * the account exists (unknown e-mail addresses are counted and locked alike, and told the same).
 * An account's lock holds only for browsers not trusted, so it says that a browser the editor
 * has signed in with before still can.
 */
export function signInWaitMessage(wait: SignInWait): string {
  if (wait.locked === 'account') {
    return `Sign-in for this e-mail address is locked after ${ACCOUNT_POLICY.lockAfter} failed attempts. Try again in ${inWords(wait.ms)}, or from a browser you have signed in with before.`;
  }
  if (wait.locked === 'address') {
    return `Sign-in from your network address is locked after ${ADDRESS_POLICY.lockAfter} failed attempts. Try again in ${inWords(wait.ms)}.`;
  }
  return tooManyAttemptsMessage(wait.ms);
}
