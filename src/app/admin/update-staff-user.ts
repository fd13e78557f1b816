import { requireCapability } from '../../domain/access/capabilities.js';
import { DomainError } from '../../domain/domain-error.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { lockAdminRecord } from '../../store/admin-record-locks.js';
import { clearTotp, findStaffAccountById, updateStaffAccount, type StaffAccountChanges } from '../../store/staff-accounts.js';
import { revokeAllStaffTokens } from '../../store/staff-tokens.js';
import { isActiveUnit } from '../../store/unit-records.js';
import { hashPassword } from '../auth/password-hash.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { changedFields } from './audit-summary.js';
import { guardWhistleblowingVisibility } from './whistleblowing-guard.js';
import type { CreateStaffUserInput } from './create-staff-user.js';
import { toStaffUserRecord, type StaffUserRecord } from './staff-user-record.js';

export type UpdateStaffUserInput = Partial<CreateStaffUserInput> & {
  /** After a lost phone and lost recovery codes: the person enrols TOTP again. */
  resetTotp?: boolean;
};

/**
 * A new password or a TOTP reset signs the person out everywhere: both are what an
 * administrator does when an account may be in someone else's hands.
 */
export async function updateStaffUser(deps: AppDeps, actor: AdminActor, id: number, input: UpdateStaffUserInput): Promise<StaffUserRecord> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  const { password, resetTotp, roles, ...rest } = input;
  const changes: StaffAccountChanges = { ...rest, ...(roles === undefined ? {} : { roles: [...new Set(roles)] }) };
  if (password !== undefined) changes.passwordHash = await hashPassword(password);
  return deps.db.transaction().execute(async (trx) => {
    if (input.unitId !== undefined && !(await isActiveUnit(trx, input.unitId))) {
      throw new DomainError('request.invalid', {}, [{ pointer: '/unitId', code: 'unknown_reference' }]);
    }
    const checkWhistleblowingVisible = await guardWhistleblowingVisibility(trx);
    const before = (await lockAdminRecord(trx, 'users', id)) ? await findStaffAccountById(trx, id) : undefined;
    if (!before || !(await updateStaffAccount(trx, id, changes, now))) throw new DomainError('admin.not_found');
    await checkWhistleblowingVisible();
    if (resetTotp === true) await clearTotp(trx, id, now);
    const isSignedOut = password !== undefined || resetTotp === true;
    if (isSignedOut) await revokeAllStaffTokens(trx, id, now);
    const row = await findStaffAccountById(trx, id);
    if (!row) throw new DomainError('admin.not_found');
    const record = toStaffUserRecord(row);
    // That the password changed, never what to.
    await recordAdminAction(trx, {
      actorId: auditActorId(actor), action: 'staff_user.updated', target: { type: 'staff_user', id }, occurredAt: now,
      summary: { changes: changedFields(toStaffUserRecord(before), record), isPasswordChanged: password !== undefined, isTotpReset: resetTotp === true, isSignedOutEverywhere: isSignedOut },
    });
    return record;
  });
}
