import { listTeamMembers, listTeams as listStoredTeams } from '../../store/teams.js';
import type { AppDeps } from '../deps.js';
import { toTeamRecord, type TeamRecord } from './team-record.js';

export async function listTeams(deps: AppDeps): Promise<TeamRecord[]> {
  const rows = await listStoredTeams(deps.db);
  const members = await listTeamMembers(deps.db, rows.map((row) => row.id));
  return rows.map((row) => toTeamRecord(row, members.get(row.id) ?? []));
}
