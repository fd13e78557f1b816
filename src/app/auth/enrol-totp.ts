import type { StaffActor } from '../../domain/access/policy.js';
import { DomainError } from '../../domain/domain-error.js';
import { findStaffAccountById, storePendingTotpSecret } from '../../store/staff-accounts.js';
import type { AppDeps } from '../deps.js';
import { newTotpSecret, sealTotpSecret, totpUri } from './totp-code.js';

/**
 * Starts (or restarts) enrolment: the secret is shown this once, for the authenticator app,
 * and stored sealed. It is in force only after confirmTotp sees a first valid code, so a
 * half-finished enrolment cannot lock anyone out.
 */
export async function enrolTotp(deps: AppDeps, actor: StaffActor): Promise<{ secret: string; otpauthUri: string }> {
  const user = await findStaffAccountById(deps.db, actor.userId);
  if (!user) throw new DomainError('auth.required');
  if (user.totpEnabledAt !== null) throw new DomainError('auth.totp_already_enabled');
  const secret = newTotpSecret(deps);
  const isStored = await storePendingTotpSecret(deps.db, user.id, sealTotpSecret(deps, user.id, secret), deps.clock.now());
  // Enabled in the meantime by a confirmation in another tab.
  if (!isStored) throw new DomainError('auth.totp_already_enabled');
  return { secret, otpauthUri: totpUri(secret, user.email) };
}
