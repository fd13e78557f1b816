import { requireCapability } from '../../domain/access/capabilities.js';
import type { StaffActor } from '../../domain/access/policy.js';
import { DomainError } from '../../domain/domain-error.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { lockAdminRecord } from '../../store/admin-record-locks.js';
import { deactivateStaffAccount, findStaffAccountById } from '../../store/staff-accounts.js';
import { revokeAllStaffTokens } from '../../store/staff-tokens.js';
import type { AppDeps } from '../deps.js';
import { changedFields } from './audit-summary.js';
import { guardWhistleblowingVisibility } from './whistleblowing-guard.js';
import { toStaffUserRecord, type StaffUserRecord } from './staff-user-record.js';

/**
 * The account stays (case events name it) but signs in no more, and its open sessions and
 * API tokens stop at once. Administrators cannot deactivate themselves, so the last one
 * cannot lock everybody out by a slip; nor can the integrity team's last member who reads
 * cases go while whistleblowing cases exist (issue 10).
 */
export async function deactivateStaffUser(deps: AppDeps, actor: StaffActor, id: number): Promise<StaffUserRecord> {
  requireCapability(actor, 'configure');
  if (actor.userId === id) throw new DomainError('admin.self_deactivation');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const checkWhistleblowingVisible = await guardWhistleblowingVisibility(trx);
    const before = (await lockAdminRecord(trx, 'users', id)) ? await findStaffAccountById(trx, id) : undefined;
    if (!before || !(await deactivateStaffAccount(trx, id, now))) throw new DomainError('admin.not_found');
    await checkWhistleblowingVisible();
    await revokeAllStaffTokens(trx, id, now);
    const row = await findStaffAccountById(trx, id);
    if (!row) throw new DomainError('admin.not_found');
    const record = toStaffUserRecord(row);
    await recordAdminAction(trx, {
      actorId: actor.userId, action: 'staff_user.deactivated', target: { type: 'staff_user', id }, occurredAt: now,
      summary: { changes: changedFields(toStaffUserRecord(before), record), isSignedOutEverywhere: true },
    });
    return record;
  });
}
