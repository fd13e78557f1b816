import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Active staff holding `role` in `unitId`: who can approve a level of a response's chain. */
export async function findRoleHolders(db: Kysely<Database>, role: string, unitId: number): Promise<number[]> {
  const rows = await db.selectFrom('users').select('id').where('unitId', '=', unitId).where('isActive', '=', true)
    .where(sql<boolean>`${role} = any(roles)`).orderBy('id').execute();
  return rows.map((row) => row.id);
}

export async function findStaffNames(db: Kysely<Database>, userIds: readonly number[]): Promise<Map<number, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(userIds)]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function findActiveStaff(db: Kysely<Database>, userId: number): Promise<{ id: number; unitId: number; name: string; roles: string[] } | undefined> {
  return db.selectFrom('users').select(['id', 'unitId', 'name', 'roles']).where('id', '=', userId).where('isActive', '=', true).executeTakeFirst();
}

/** The designated integrity teams: the only staff who see whistleblowing cases. */
export async function listIntegrityTeamIds(db: Kysely<Database>): Promise<number[]> {
  const result = await sql<{ id: number }>`select id from teams where is_integrity_team and is_active`.execute(db);
  return result.rows.map((row) => Number(row.id));
}

/**
 * Active staff in an active integrity team holding a role that reads cases (see the access
 * policy): the people a whistleblowing case is visible to, less any it concerns.
 */
export async function listIntegrityReaderIds(db: Kysely<Database>): Promise<number[]> {
  const result = await sql<{ id: number }>`
    select distinct users.id from team_members
    join teams on teams.id = team_members.team_id and teams.is_integrity_team and teams.is_active
    join users on users.id = team_members.user_id and users.is_active
    where users.roles && array['intake', 'coordinator', 'head', 'handler', 'auditor']::text[]
    order by users.id`.execute(db);
  return result.rows.map((row) => Number(row.id));
}

/**
 * Whistleblowing cases nobody could see any more: no active integrity-team member who reads
 * cases, or only ones the case concerns. Administration must never leave one behind.
 */
export async function countWhistleblowingCasesSeenByNobody(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ count: string | number }>`
    select count(*) as count from complaints
    where is_whistleblowing and not exists (
      select 1 from team_members
      join teams on teams.id = team_members.team_id and teams.is_integrity_team and teams.is_active
      join users on users.id = team_members.user_id and users.is_active
      where users.roles && array['intake', 'coordinator', 'head', 'handler', 'auditor']::text[]
        and not (users.id = any(complaints.concerned_staff_ids)))`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

export async function listActiveWhistleblowingCategoryCodes(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('categories').select('code').where('isWhistleblowing', '=', true).where('isActive', '=', true).orderBy('code').execute();
  return rows.map((row) => row.code);
}

export async function listWhistleblowingCategoryCodes(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('categories').select('code').where('isWhistleblowing', '=', true).execute();
  return rows.map((row) => row.code);
}

/** Active staff among `userIds` with what the access policy asks of them: unit, roles and active teams. */
export async function findActiveStaffProfiles(db: Kysely<Database>, userIds: readonly number[]): Promise<{ userId: number; unitId: number; roles: string[]; teamIds: number[] }[]> {
  if (userIds.length === 0) return [];
  const rows = await db.selectFrom('users').select(['id', 'unitId', 'roles'])
    .select(sql<(string | number)[]>`coalesce((
      select array_agg(teams.id order by teams.id) from team_members join teams on teams.id = team_members.team_id
      where team_members.user_id = users.id and teams.is_active), '{}')`.as('teamIds'))
    .where('id', 'in', [...new Set(userIds)]).where('isActive', '=', true).orderBy('id').execute();
  return rows.map((row) => ({ userId: row.id, unitId: row.unitId, roles: row.roles, teamIds: row.teamIds.map(Number) }));
}
