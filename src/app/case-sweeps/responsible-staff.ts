import type { Kysely } from 'kysely';
import type { CaseState } from '../../domain/workflow/case-state.js';
import type { Database } from '../../store/schema.js';
import { findRoleHolders, listIntegrityTeamIds } from '../../store/staff-directory.js';
import { listTeamMembers } from '../../store/teams.js';

/**
 * Who must act on a case now, to be reminded of its deadlines: the handler; else the team it
 * was given to; else (not yet disposed) the coordinators of its unit, or its head if it has
 * none. A whistleblowing case not yet given to anyone goes to the integrity team, the only
 * staff who may see it. Never anyone the complaint concerns.
 */
export async function findAssignees(db: Kysely<Database>, state: CaseState): Promise<number[]> {
  let ids: number[];
  if (state.handlerId !== null) ids = [state.handlerId];
  else if (state.teamId !== null) ids = await teamMemberIds(db, [state.teamId]);
  else if (state.isWhistleblowing) ids = await teamMemberIds(db, await listIntegrityTeamIds(db));
  else {
    ids = await findRoleHolders(db, 'coordinator', state.unitId);
    if (ids.length === 0) ids = await findRoleHolders(db, 'head', state.unitId);
  }
  return withoutConcerned(ids, state);
}

/**
 * Who hears of a missed deadline: the head of the case's unit, or of the nearest unit above
 * that has one. For whistleblowing only heads in the integrity team qualify (nobody else may
 * see the case); without one, the integrity team's leaders, else its members.
 */
export async function findSupervisors(db: Kysely<Database>, state: CaseState, unitPath: readonly number[]): Promise<number[]> {
  const integrityMembers = state.isWhistleblowing ? await integrityTeamMembers(db) : undefined;
  for (const unitId of unitPath) {
    const heads = withoutConcerned(await findRoleHolders(db, 'head', unitId), state)
      .filter((id) => integrityMembers === undefined || integrityMembers.some((member) => member.userId === id));
    if (heads.length > 0) return heads;
  }
  if (integrityMembers === undefined) return [];
  const leaders = integrityMembers.filter((member) => member.role === 'leader').map((member) => member.userId);
  return withoutConcerned(leaders.length > 0 ? leaders : integrityMembers.map((member) => member.userId), state);
}

async function teamMemberIds(db: Kysely<Database>, teamIds: readonly number[]): Promise<number[]> {
  const members = await listTeamMembers(db, teamIds);
  return [...new Set([...members.values()].flat().map((member) => member.userId))];
}

async function integrityTeamMembers(db: Kysely<Database>): Promise<{ userId: number; role: string }[]> {
  const members = await listTeamMembers(db, await listIntegrityTeamIds(db));
  return [...members.values()].flat();
}

function withoutConcerned(ids: readonly number[], state: CaseState): number[] {
  return [...new Set(ids)].filter((id) => !state.concernedStaffIds.includes(id));
}
