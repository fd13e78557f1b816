import { requireCapability } from '../../domain/access/capabilities.js';
import { DomainError } from '../../domain/domain-error.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { lockAdminRecord } from '../../store/admin-record-locks.js';
import { deactivateTeam as deactivateStoredTeam } from '../../store/teams.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { changedFields } from './audit-summary.js';
import { loadTeamRecord, type TeamRecord } from './team-record.js';
import { guardWhistleblowingVisibility } from './whistleblowing-guard.js';

/**
 * Cases assigned to the team keep naming it; its members stop seeing them through it. The last
 * integrity team able to see the whistleblowing cases is not deactivated (issue 10).
 */
export async function deactivateTeam(deps: AppDeps, actor: AdminActor, id: number): Promise<TeamRecord> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const checkWhistleblowingVisible = await guardWhistleblowingVisibility(trx);
    if (!(await lockAdminRecord(trx, 'teams', id))) throw new DomainError('admin.not_found');
    const before = await loadTeamRecord(trx, id);
    if (!(await deactivateStoredTeam(trx, id))) throw new DomainError('admin.not_found');
    await checkWhistleblowingVisible();
    const record = await loadTeamRecord(trx, id);
    await recordAdminAction(trx, { actorId: auditActorId(actor), action: 'team.deactivated', target: { type: 'team', id }, summary: { changes: changedFields(before, record) }, occurredAt: now });
    return record;
  });
}
