/**
 * Throttling of failed sign-ins, instead of locking accounts: anyone could lock any account
 * by guessing wrong from anywhere. Failures are counted per (account, client address) pair,
 * so a guesser only slows their own pair and the owner signs in from their own address; and
 * per address across all accounts, so spraying one password over many accounts is slowed too.
 * A few failures cost nothing (a colleague who mistypes); after that each failure makes the
 * counter wait, twice as long each time, up to a cap. Counts older than `forgetAfterMs` start
 * over. Pure: the caller passes the count and the clock.
 */
export interface ThrottleRule {
  /** Failures that cost no wait. */
  freeFailures: number;
  firstWaitMs: number;
  maxWaitMs: number;
  /** A count whose last failure is older than this starts again from one. */
  forgetAfterMs: number;
}

/** One account from one address: three tries free, then 30 s, 1 min, 2 min … up to 15 min. */
export const accountAtAddressRule: ThrottleRule = { freeFailures: 3, firstWaitMs: 30_000, maxWaitMs: 15 * 60_000, forgetAfterMs: 24 * 60 * 60_000 };

/** One address over all accounts: an office behind one address mistypes now and then, a sprayer does not stop. */
export const addressRule: ThrottleRule = { freeFailures: 20, firstWaitMs: 60_000, maxWaitMs: 60 * 60_000, forgetAfterMs: 60 * 60_000 };

/** How long to wait after the `failures`-th failure in a row; 0 while failures are free. */
export function waitAfterFailures(rule: ThrottleRule, failures: number): number {
  if (failures <= rule.freeFailures) return 0;
  const doublings = Math.min(failures - rule.freeFailures - 1, 30);
  return Math.min(rule.maxWaitMs, rule.firstWaitMs * 2 ** doublings);
}

/** Whole seconds left until `blockedUntil`, rounded up; 0 when it has passed or there is none. */
export function secondsToWait(blockedUntil: Date | null, now: Date): number {
  if (blockedUntil === null) return 0;
  return Math.max(0, Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000));
}
