import type { Kysely } from 'kysely';
import type { TeamMemberRole } from '../domain/access/staff-role.js';
import { DomainError } from '../domain/domain-error.js';
import { isUniqueViolation } from './database-errors.js';
import type { Database, TeamRow } from './schema.js';

export interface TeamMember {
  userId: number;
  role: TeamMemberRole;
}

export interface NewTeam {
  unitId: number;
  code: string;
  name: string;
  isIntegrityTeam: boolean;
}

function duplicateCode(error: unknown): unknown {
  // teams_code_key: another team (perhaps a deactivated one) has the code.
  return isUniqueViolation(error) ? new DomainError('admin.already_exists', {}, [{ pointer: '/code', code: 'duplicate' }]) : error;
}

export async function insertTeam(db: Kysely<Database>, team: NewTeam, now: Date): Promise<number> {
  try {
    const row = await db.insertInto('teams').values({ ...team, createdAt: now }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    throw duplicateCode(error);
  }
}

export async function updateTeam(db: Kysely<Database>, id: number, changes: Partial<NewTeam>): Promise<boolean> {
  try {
    if (Object.keys(changes).length === 0) return (await findTeamById(db, id)) !== undefined;
    const result = await db.updateTable('teams').set(changes).where('id', '=', id).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  } catch (error) {
    throw duplicateCode(error);
  }
}

export async function deactivateTeam(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db.updateTable('teams').set({ isActive: false }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findTeamById(db: Kysely<Database>, id: number): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listTeams(db: Kysely<Database>): Promise<TeamRow[]> {
  return db.selectFrom('teams').selectAll().orderBy('id').execute();
}

/** Membership is not history (case events record who acted), so it is replaced as a whole. */
export async function replaceTeamMembers(db: Kysely<Database>, teamId: number, members: readonly TeamMember[]): Promise<void> {
  await db.deleteFrom('teamMembers').where('teamId', '=', teamId).execute();
  if (members.length === 0) return;
  await db.insertInto('teamMembers').values(members.map((member) => ({ teamId, ...member }))).execute();
}

export async function listTeamMembers(db: Kysely<Database>, teamIds: readonly number[]): Promise<Map<number, TeamMember[]>> {
  const byTeam = new Map<number, TeamMember[]>(teamIds.map((id) => [id, []]));
  if (teamIds.length === 0) return byTeam;
  const rows = await db.selectFrom('teamMembers').select(['teamId', 'userId', 'role']).where('teamId', 'in', [...teamIds]).orderBy('teamId').orderBy('userId').execute();
  for (const row of rows) byTeam.get(row.teamId)?.push({ userId: row.userId, role: row.role });
  return byTeam;
}

