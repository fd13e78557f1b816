import type { StaffActor } from '../../domain/access/policy.js';
import { DomainError } from '../../domain/domain-error.js';
import { replaceRecoveryCodes } from '../../store/recovery-codes.js';
import { enableTotp, findStaffAccountById } from '../../store/staff-accounts.js';
import type { AppDeps } from '../deps.js';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-code.js';
import { acceptedTotpTimeStep, unsealTotpSecret } from './totp-code.js';

/** The first valid code proves the app holds the secret: TOTP is on from now, and the recovery codes are shown once. */
export async function confirmTotp(deps: AppDeps, actor: StaffActor, code: string): Promise<{ recoveryCodes: string[] }> {
  const now = deps.clock.now();
  const user = await findStaffAccountById(deps.db, actor.userId);
  if (!user) throw new DomainError('auth.required');
  if (user.totpEnabledAt !== null) throw new DomainError('auth.totp_already_enabled');
  if (user.totpSecretSealed === null) throw new DomainError('auth.totp_not_enrolled');
  const timeStep = await acceptedTotpTimeStep(unsealTotpSecret(deps, user.id, user.totpSecretSealed), code, now);
  if (timeStep === null) throw new DomainError('request.invalid', {}, [{ pointer: '/code', code: 'totp_invalid' }]);
  const recoveryCodes = newRecoveryCodes(deps);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await enableTotp(trx, user.id, now, timeStep))) throw new DomainError('auth.totp_already_enabled');
    await replaceRecoveryCodes(trx, user.id, recoveryCodes.map((recoveryCode) => hashRecoveryCode(deps, user.id, recoveryCode)));
  });
  return { recoveryCodes };
}
