/**
 * Temporary lock-out after repeated failed sign-ins: slows password guessing to a handful of
 * tries per quarter hour per account, while a colleague who mistypes twice is not bothered.
 */
export const maxFailedSignIns = 5;
export const signInLockMs = 15 * 60 * 1000;

export function isLockedOut(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

export function lockEndsAt(now: Date): Date {
  return new Date(now.getTime() + signInLockMs);
}
