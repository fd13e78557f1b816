import type { StaffActor } from '../../domain/access/policy.js';
import { DomainError } from '../../domain/domain-error.js';
import { deactivateStaffAccount, findStaffAccountById } from '../../store/staff-accounts.js';
import { revokeAllStaffTokens } from '../../store/staff-tokens.js';
import type { AppDeps } from '../deps.js';
import { toStaffUserRecord, type StaffUserRecord } from './staff-user-record.js';

/**
 * The account stays (case events name it) but signs in no more, and its open sessions and
 * API tokens stop at once. Administrators cannot deactivate themselves, so the last one
 * cannot lock everybody out by a slip.
 */
export async function deactivateStaffUser(deps: AppDeps, actor: StaffActor, id: number): Promise<StaffUserRecord> {
  if (actor.userId === id) throw new DomainError('admin.self_deactivation');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await deactivateStaffAccount(trx, id, now))) throw new DomainError('admin.not_found');
    await revokeAllStaffTokens(trx, id, now);
    const row = await findStaffAccountById(trx, id);
    if (!row) throw new DomainError('admin.not_found');
    return toStaffUserRecord(row);
  });
}
