import { accountAtAddressRule, addressRule, secondsToWait, waitAfterFailures, type ThrottleRule } from '../../domain/access/sign-in-throttle.js';
import { isStaffRole } from '../../domain/access/staff-role.js';
import { DomainError } from '../../domain/domain-error.js';
import { useRecoveryCode } from '../../store/recovery-codes.js';
import { blockUntil, countFailure, deleteStaleThrottles, forgetThrottle, latestBlockedUntil } from '../../store/sign-in-throttles.js';
import { acceptTotpTimeStep, clearFailedSignIns, countFailedSignIn, findStaffAccountByEmail } from '../../store/staff-accounts.js';
import type { UserRow } from '../../store/schema.js';
import { insertStaffToken } from '../../store/staff-tokens.js';
import { readTotpRequiredRoles } from '../../store/totp-required-roles.js';
import type { AppDeps } from '../deps.js';
import { clientNetworkOf } from './client-network.js';
import { verifyAgainstDummy, verifyPassword } from './password-hash.js';
import { hashRecoveryCode, looksLikeRecoveryCode } from './recovery-code.js';
import { newStaffTokenSecret } from './staff-token-secret.js';
import { acceptedTotpTimeStep, unsealTotpSecret } from './totp-code.js';

/** A working day; after it the person signs in again. */
export const sessionTtlMs = 12 * 60 * 60 * 1000;

export interface SignInInput {
  email: string;
  password: string;
  /** A 6-digit authenticator code or one of the recovery codes. */
  totp?: string;
}

export interface SignedIn {
  token: string;
  expiresAt: Date;
  isTotpEnrolmentRequired: boolean;
}

/** Where the attempt came from: the client address as the HTTP layer reads it (proxy-aware). */
export interface SignInClient {
  address: string;
}

/**
 * An unknown email, a deactivated account and a wrong password all get the same refusal
 * after the same argon2 work, so the answer tells a stranger nothing about which accounts
 * exist. Failures are throttled per (email, address) pair and per address, in the database so
 * the limit holds whichever app node the next attempt reaches; a pair or address that must
 * wait is told so (429) before any password is checked, whether the account exists or not.
 * The account's own count of failures since its last sign-in is kept for the administrators.
 */
export async function signInStaff(deps: AppDeps, input: SignInInput, client: SignInClient): Promise<SignedIn> {
  const now = deps.clock.now();
  const throttles = throttlesOf(deps, input.email, clientNetworkOf(client.address));
  const wait = secondsToWait(await latestBlockedUntil(deps.db, throttles.map((throttle) => throttle.keyTag)), now);
  if (wait > 0) throw new DomainError('auth.sign_in_throttled', { retryAfterSeconds: wait });
  const user = await findStaffAccountByEmail(deps.db, input.email);
  if (!user || !user.isActive) {
    await verifyAgainstDummy(input.password);
    await recordFailure(deps, throttles, null, now);
    throw new DomainError('auth.invalid_credentials');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailure(deps, throttles, user.id, now);
    throw new DomainError('auth.invalid_credentials');
  }
  const secondFactor = user.totpEnabledAt === null ? null : await checkSecondFactor(deps, user, input.totp, now, throttles);

  const { token, tokenHash } = newStaffTokenSecret(deps);
  const expiresAt = new Date(now.getTime() + sessionTtlMs);
  // The second factor is used up in the transaction that signs in: a replayed TOTP code or a
  // recovery code already spent (perhaps a moment ago, on another node) opens no session.
  const isSignedIn = await deps.db.transaction().execute(async (trx) => {
    if (secondFactor?.kind === 'totp' && !(await acceptTotpTimeStep(trx, user.id, secondFactor.timeStep))) return false;
    if (secondFactor?.kind === 'recovery_code' && !(await useRecoveryCode(trx, user.id, secondFactor.codeHash, now))) return false;
    await clearFailedSignIns(trx, user.id);
    // Only the pair is forgiven: one right password must not reset a sprayer's address.
    await forgetThrottle(trx, throttles[0].keyTag);
    await insertStaffToken(trx, { userId: user.id, kind: 'session', name: null, tokenHash, createdAt: now, expiresAt });
    return true;
  });
  if (!isSignedIn) await refuseSecondFactor(deps, user.id, now, throttles);
  const required = user.totpEnabledAt === null ? await readTotpRequiredRoles(deps.db) : [];
  return { token, expiresAt, isTotpEnrolmentRequired: user.roles.filter(isStaffRole).some((role) => required.includes(role)) };
}

interface Throttle {
  keyTag: string;
  rule: ThrottleRule;
}

/**
 * The pair first, then the address. Keyed hashes (under the server secret) name the rows, so
 * neither address nor email is stored, and nobody without the secret can test a guess
 * against the table.
 */
function throttlesOf(deps: AppDeps, email: string, network: string): [Throttle, Throttle] {
  return [
    { keyTag: deps.keys.tag('sign-in-throttle', `pair\n${email.trim().toLowerCase()}\n${network}`), rule: accountAtAddressRule },
    { keyTag: deps.keys.tag('sign-in-throttle', `address\n${network}`), rule: addressRule },
  ];
}

const longestMemoryMs = Math.max(accountAtAddressRule.forgetAfterMs, addressRule.forgetAfterMs);

/** One failure, counted on each throttle and on the account, in one transaction. */
async function recordFailure(deps: AppDeps, throttles: readonly Throttle[], userId: number | null, now: Date): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await deleteStaleThrottles(trx, new Date(now.getTime() - longestMemoryMs), now);
    for (const throttle of throttles) {
      const failures = await countFailure(trx, throttle.keyTag, now, new Date(now.getTime() - throttle.rule.forgetAfterMs));
      const waitMs = waitAfterFailures(throttle.rule, failures);
      if (waitMs > 0) await blockUntil(trx, throttle.keyTag, new Date(now.getTime() + waitMs));
    }
    if (userId !== null) await countFailedSignIn(trx, userId);
  });
}

type SecondFactor = { kind: 'totp'; timeStep: number } | { kind: 'recovery_code'; codeHash: Buffer };

/**
 * Checks what can be checked before the transaction: a TOTP code's step (one already used is
 * refused here already), or the shape of a recovery code, which the transaction then spends.
 */
async function checkSecondFactor(deps: AppDeps, user: UserRow, code: string | undefined, now: Date, throttles: readonly Throttle[]): Promise<SecondFactor> {
  if (code === undefined || code.trim() === '') throw new DomainError('auth.totp_required');
  if (user.totpSecretSealed !== null && /^[0-9]{6}$/.test(code.trim())) {
    const secret = unsealTotpSecret(deps, user.id, user.totpSecretSealed);
    const timeStep = await acceptedTotpTimeStep(secret, code.trim(), now, user.totpLastTimeStep);
    if (timeStep !== null) return { kind: 'totp', timeStep };
  } else if (looksLikeRecoveryCode(code)) {
    return { kind: 'recovery_code', codeHash: hashRecoveryCode(deps, user.id, code) };
  }
  return refuseSecondFactor(deps, user.id, now, throttles);
}

/** A wrong or replayed second factor counts as a failed sign-in, so codes cannot be guessed faster than passwords. */
async function refuseSecondFactor(deps: AppDeps, userId: number, now: Date, throttles: readonly Throttle[]): Promise<never> {
  await recordFailure(deps, throttles, userId, now);
  throw new DomainError('auth.totp_invalid');
}
