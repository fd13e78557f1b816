import { DomainError } from '../../domain/domain-error.js';
import { insertTeam, replaceTeamMembers } from '../../store/teams.js';
import { isActiveUnit } from '../../store/unit-records.js';
import type { AppDeps } from '../deps.js';
import { checkTeamMembers, loadTeamRecord, type TeamMemberInput, type TeamRecord } from './team-record.js';

export interface CreateTeamInput {
  unitId: number;
  code: string;
  name: string;
  isIntegrityTeam: boolean;
  members: TeamMemberInput[];
}

export async function createTeam(deps: AppDeps, input: CreateTeamInput): Promise<TeamRecord> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await isActiveUnit(trx, input.unitId))) throw new DomainError('request.invalid', {}, [{ pointer: '/unitId', code: 'unknown_reference' }]);
    await checkTeamMembers(trx, input.members);
    const { members, ...team } = input;
    const id = await insertTeam(trx, team, deps.clock.now());
    await replaceTeamMembers(trx, id, members);
    return loadTeamRecord(trx, id);
  });
}
