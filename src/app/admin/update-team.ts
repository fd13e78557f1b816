import { DomainError } from '../../domain/domain-error.js';
import { replaceTeamMembers, updateTeam as updateStoredTeam } from '../../store/teams.js';
import { isActiveUnit } from '../../store/unit-records.js';
import type { AppDeps } from '../deps.js';
import type { CreateTeamInput } from './create-team.js';
import { checkTeamMembers, loadTeamRecord, type TeamRecord } from './team-record.js';

/** `members`, when given, replaces the whole membership. */
export async function updateTeam(deps: AppDeps, id: number, input: Partial<CreateTeamInput>): Promise<TeamRecord> {
  return deps.db.transaction().execute(async (trx) => {
    if (input.unitId !== undefined && !(await isActiveUnit(trx, input.unitId))) {
      throw new DomainError('request.invalid', {}, [{ pointer: '/unitId', code: 'unknown_reference' }]);
    }
    const { members, ...changes } = input;
    if (!(await updateStoredTeam(trx, id, changes))) throw new DomainError('admin.not_found');
    if (members !== undefined) {
      await checkTeamMembers(trx, members);
      await replaceTeamMembers(trx, id, members);
    }
    return loadTeamRecord(trx, id);
  });
}
