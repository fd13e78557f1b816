import type { Kysely } from 'kysely';
import type { TeamMemberRole } from '../../domain/access/staff-role.js';
import { DomainError } from '../../domain/domain-error.js';
import type { Database, TeamRow } from '../../store/schema.js';
import { countActiveStaffAccounts } from '../../store/staff-accounts.js';
import { findTeamById, listTeamMembers, type TeamMember } from '../../store/teams.js';

export interface TeamMemberInput {
  userId: number;
  role: TeamMemberRole;
}

export interface TeamRecord {
  id: number;
  unitId: number;
  code: string;
  name: string;
  isIntegrityTeam: boolean;
  isActive: boolean;
  createdAt: Date;
  members: TeamMember[];
}

export function toTeamRecord(row: TeamRow, members: TeamMember[]): TeamRecord {
  return { id: row.id, unitId: row.unitId, code: row.code, name: row.name, isIntegrityTeam: row.isIntegrityTeam, isActive: row.isActive, createdAt: row.createdAt, members };
}

export async function loadTeamRecord(db: Kysely<Database>, id: number): Promise<TeamRecord> {
  const row = await findTeamById(db, id);
  if (!row) throw new DomainError('admin.not_found');
  return toTeamRecord(row, (await listTeamMembers(db, [id])).get(id) ?? []);
}

/** One membership per person per team, and only people who can still sign in. */
export async function checkTeamMembers(db: Kysely<Database>, members: readonly TeamMemberInput[]): Promise<void> {
  const userIds = members.map((member) => member.userId);
  const unique = new Set(userIds);
  if (unique.size !== userIds.length) throw new DomainError('request.invalid', {}, [{ pointer: '/members', code: 'duplicate' }]);
  if ((await countActiveStaffAccounts(db, [...unique])) !== unique.size) {
    throw new DomainError('request.invalid', {}, [{ pointer: '/members', code: 'unknown_reference' }]);
  }
}
