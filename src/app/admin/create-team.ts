import { requireCapability } from '../../domain/access/capabilities.js';
import { DomainError } from '../../domain/domain-error.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { insertTeam, replaceTeamMembers } from '../../store/teams.js';
import { isActiveUnit } from '../../store/unit-records.js';
import type { AppDeps } from '../deps.js';
import { auditActorId, type AdminActor } from './admin-actor.js';
import { createdRecord } from './audit-summary.js';
import { checkTeamMembers, loadTeamRecord, type TeamMemberInput, type TeamRecord } from './team-record.js';

export interface CreateTeamInput {
  unitId: number;
  code: string;
  name: string;
  isIntegrityTeam: boolean;
  members: TeamMemberInput[];
}

export async function createTeam(deps: AppDeps, actor: AdminActor, input: CreateTeamInput): Promise<TeamRecord> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await isActiveUnit(trx, input.unitId))) throw new DomainError('request.invalid', {}, [{ pointer: '/unitId', code: 'unknown_reference' }]);
    await checkTeamMembers(trx, input.members);
    const { members, ...team } = input;
    const id = await insertTeam(trx, team, now);
    await replaceTeamMembers(trx, id, members);
    const record = await loadTeamRecord(trx, id);
    await recordAdminAction(trx, { actorId: auditActorId(actor), action: 'team.created', target: { type: 'team', id }, summary: { record: createdRecord(record) }, occurredAt: now });
    return record;
  });
}
