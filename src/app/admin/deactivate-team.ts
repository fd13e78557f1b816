import { DomainError } from '../../domain/domain-error.js';
import { deactivateTeam as deactivateStoredTeam } from '../../store/teams.js';
import type { AppDeps } from '../deps.js';
import { loadTeamRecord, type TeamRecord } from './team-record.js';

/** Cases assigned to the team keep naming it; its members stop seeing them through it. */
export async function deactivateTeam(deps: AppDeps, id: number): Promise<TeamRecord> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await deactivateStoredTeam(trx, id))) throw new DomainError('admin.not_found');
    return loadTeamRecord(trx, id);
  });
}
