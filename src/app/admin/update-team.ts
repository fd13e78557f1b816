import { requireCapability } from '../../domain/access/capabilities.js';
import { DomainError } from '../../domain/domain-error.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { lockAdminRecord } from '../../store/admin-record-locks.js';
import { replaceTeamMembers, updateTeam as updateStoredTeam } from '../../store/teams.js';
import { isActiveUnit } from '../../store/unit-records.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { changedFields } from './audit-summary.js';
import type { CreateTeamInput } from './create-team.js';
import { checkTeamMembers, loadTeamRecord, type TeamRecord } from './team-record.js';
import { guardWhistleblowingVisibility } from './whistleblowing-guard.js';

/** `members`, when given, replaces the whole membership; no change may leave a whistleblowing case seen by nobody. */
export async function updateTeam(deps: AppDeps, actor: AdminActor, id: number, input: Partial<CreateTeamInput>): Promise<TeamRecord> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (input.unitId !== undefined && !(await isActiveUnit(trx, input.unitId))) {
      throw new DomainError('request.invalid', {}, [{ pointer: '/unitId', code: 'unknown_reference' }]);
    }
    const checkWhistleblowingVisible = await guardWhistleblowingVisibility(trx);
    if (!(await lockAdminRecord(trx, 'teams', id))) throw new DomainError('admin.not_found');
    const before = await loadTeamRecord(trx, id);
    const { members, ...changes } = input;
    if (!(await updateStoredTeam(trx, id, changes))) throw new DomainError('admin.not_found');
    if (members !== undefined) {
      await checkTeamMembers(trx, members);
      await replaceTeamMembers(trx, id, members);
    }
    await checkWhistleblowingVisible();
    const record = await loadTeamRecord(trx, id);
    await recordAdminAction(trx, { actorId: auditActorId(actor), action: 'team.updated', target: { type: 'team', id }, summary: { changes: changedFields(before, record) }, occurredAt: now });
    return record;
  });
}
