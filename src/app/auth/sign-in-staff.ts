import { isLockedOut, lockEndsAt, maxFailedSignIns } from '../../domain/access/sign-in-lockout.js';
import { isStaffRole } from '../../domain/access/staff-role.js';
import { DomainError } from '../../domain/domain-error.js';
import { useRecoveryCode } from '../../store/recovery-codes.js';
import { acceptTotpTimeStep, clearFailedSignIns, findStaffAccountByEmail, recordFailedSignIn } from '../../store/staff-accounts.js';
import type { UserRow } from '../../store/schema.js';
import { insertStaffToken } from '../../store/staff-tokens.js';
import { readTotpRequiredRoles } from '../../store/totp-required-roles.js';
import type { AppDeps } from '../deps.js';
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

/**
 * An unknown email, a deactivated account, a wrong password and a locked account all get
 * the same refusal after the same argon2 work, so the answer tells a stranger nothing about
 * which accounts exist or are locked. Failures are counted in the database, so the
 * lock-out holds whichever app node the next attempt reaches.
 */
export async function signInStaff(deps: AppDeps, input: SignInInput): Promise<SignedIn> {
  const now = deps.clock.now();
  const user = await findStaffAccountByEmail(deps.db, input.email);
  if (!user || !user.isActive) {
    await verifyAgainstDummy(input.password);
    throw new DomainError('auth.invalid_credentials');
  }
  const isPasswordRight = await verifyPassword(user.passwordHash, input.password);
  // While locked, even the right password is refused and nothing is counted: the lock ends on time.
  if (isLockedOut(user.lockedUntil, now)) throw new DomainError('auth.invalid_credentials');
  if (!isPasswordRight) {
    await recordFailedSignIn(deps.db, user.id, { maxFailures: maxFailedSignIns, lockUntil: lockEndsAt(now) });
    throw new DomainError('auth.invalid_credentials');
  }
  const secondFactor = user.totpEnabledAt === null ? null : await checkSecondFactor(deps, user, input.totp, now);

  const { token, tokenHash } = newStaffTokenSecret(deps);
  const expiresAt = new Date(now.getTime() + sessionTtlMs);
  // The second factor is used up in the transaction that signs in: a replayed TOTP code or a
  // recovery code already spent (perhaps a moment ago, on another node) opens no session.
  const isSignedIn = await deps.db.transaction().execute(async (trx) => {
    if (secondFactor?.kind === 'totp' && !(await acceptTotpTimeStep(trx, user.id, secondFactor.timeStep))) return false;
    if (secondFactor?.kind === 'recovery_code' && !(await useRecoveryCode(trx, user.id, secondFactor.codeHash, now))) return false;
    await clearFailedSignIns(trx, user.id);
    await insertStaffToken(trx, { userId: user.id, kind: 'session', name: null, tokenHash, createdAt: now, expiresAt });
    return true;
  });
  if (!isSignedIn) await refuseSecondFactor(deps, user.id, now);
  const required = user.totpEnabledAt === null ? await readTotpRequiredRoles(deps.db) : [];
  return { token, expiresAt, isTotpEnrolmentRequired: user.roles.filter(isStaffRole).some((role) => required.includes(role)) };
}

type SecondFactor = { kind: 'totp'; timeStep: number } | { kind: 'recovery_code'; codeHash: Buffer };

/**
 * Checks what can be checked before the transaction: a TOTP code's step (one already used is
 * refused here already), or the shape of a recovery code, which the transaction then spends.
 */
async function checkSecondFactor(deps: AppDeps, user: UserRow, code: string | undefined, now: Date): Promise<SecondFactor> {
  if (code === undefined || code.trim() === '') throw new DomainError('auth.totp_required');
  if (user.totpSecretSealed !== null && /^[0-9]{6}$/.test(code.trim())) {
    const secret = unsealTotpSecret(deps, user.id, user.totpSecretSealed);
    const timeStep = await acceptedTotpTimeStep(secret, code.trim(), now, user.totpLastTimeStep);
    if (timeStep !== null) return { kind: 'totp', timeStep };
  } else if (looksLikeRecoveryCode(code)) {
    return { kind: 'recovery_code', codeHash: hashRecoveryCode(deps, user.id, code) };
  }
  return refuseSecondFactor(deps, user.id, now);
}

/** A wrong or replayed second factor counts as a failed sign-in, so codes cannot be guessed faster than passwords. */
async function refuseSecondFactor(deps: AppDeps, userId: number, now: Date): Promise<never> {
  await recordFailedSignIn(deps.db, userId, { maxFailures: maxFailedSignIns, lockUntil: lockEndsAt(now) });
  throw new DomainError('auth.totp_invalid');
}
