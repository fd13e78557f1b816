import type { Kysely } from 'kysely';
import type { CaseEvent } from '../../domain/case-event.js';
import { canSee, type StaffActor } from '../../domain/access/policy.js';
import { isStaffRole } from '../../domain/access/staff-role.js';
import { nextActors, type NextActor, type StaffNoticeTemplate } from '../../domain/notifications/next-actors.js';
import { caseFactsOf } from '../../domain/workflow/allowed-actions.js';
import type { CaseState } from '../../domain/workflow/case-state.js';
import type { NewOutboxMessage } from '../../store/outbox.js';
import type { Database } from '../../store/schema.js';
import { findActiveStaffProfiles, findRoleHolders, listIntegrityTeamIds } from '../../store/staff-directory.js';
import { listTeamMembers } from '../../store/teams.js';
import { findUnitPath } from '../../store/unit-tree.js';
import { workflowContextFor } from '../cases/workflow-context-for.js';

export interface NextActorsInput {
  /** The case after the events. */
  state: CaseState;
  events: readonly CaseEvent[];
  /** The staff member who acted: never told of their own action. */
  actorUserId: number | null;
  now: Date;
}

export interface ResolvedNotice {
  template: StaffNoticeTemplate;
  eventIndex: number;
  userIds: number[];
}

/**
 * The people the events call on to act, by name. Only active staff who may see the case are
 * told: never anyone the complaint concerns, never anyone outside the integrity team of a
 * whistleblowing case, never someone outside the units that handle it.
 */
export async function findNextActors(trx: Kysely<Database>, input: NextActorsInput): Promise<ResolvedNotice[]> {
  const notices = nextActors(input.events, input.state);
  if (notices.length === 0) return [];
  const context = await workflowContextFor(trx, input.state, input.now);
  const facts = caseFactsOf(input.state, context);
  const resolved: ResolvedNotice[] = [];
  for (const notice of notices) {
    for (const alternative of await expandUpwards(trx, notice.to)) {
      const candidates = (await resolve(trx, alternative)).filter((id) => id !== input.actorUserId);
      const profiles = await findActiveStaffProfiles(trx, candidates);
      const userIds = profiles.filter((profile) => canSee(asActor(profile), facts)).map((profile) => profile.userId);
      if (userIds.length > 0) {
        resolved.push({ template: notice.template, eventIndex: notice.eventIndex, userIds });
        break;
      }
    }
  }
  return resolved;
}

/**
 * One mail per person told, and with it (the outbox writes both in the caller's transaction)
 * one in-app notification. `eventIds` are the appended events' ids, in the order of the events.
 */
export function staffMessagesFor(complaintId: string, registerNumber: string, notices: readonly ResolvedNotice[], eventIds: readonly (number | null)[]): NewOutboxMessage[] {
  return notices.flatMap((notice) => notice.userIds.map((userId): NewOutboxMessage => ({
    complaintId, eventId: eventIds[notice.eventIndex] ?? null, channel: 'email',
    recipient: { kind: 'staff', userId }, template: notice.template, data: { registerNumber },
  })));
}

/** `orAbove` becomes one alternative per unit from the one named up to the root, nearest first. */
async function expandUpwards(trx: Kysely<Database>, alternatives: readonly NextActor[]): Promise<NextActor[]> {
  const expanded: NextActor[] = [];
  for (const alternative of alternatives) {
    if (alternative.kind !== 'role_in_unit' || alternative.orAbove !== true) expanded.push(alternative);
    else for (const unitId of await findUnitPath(trx, alternative.unitId)) expanded.push({ kind: 'role_in_unit', role: alternative.role, unitId });
  }
  return expanded;
}

async function resolve(trx: Kysely<Database>, actor: NextActor): Promise<number[]> {
  switch (actor.kind) {
    case 'users': return [...actor.userIds];
    case 'role_in_unit': return findRoleHolders(trx, actor.role, actor.unitId);
    case 'team': return teamMemberIds(trx, [actor.teamId]);
    case 'integrity_team': return teamMemberIds(trx, await listIntegrityTeamIds(trx));
    default: {
      const unknown: never = actor;
      throw new Error(`unknown next actor ${JSON.stringify(unknown)}`);
    }
  }
}

async function teamMemberIds(trx: Kysely<Database>, teamIds: readonly number[]): Promise<number[]> {
  const members = await listTeamMembers(trx, teamIds);
  return [...new Set([...members.values()].flat().map((member) => member.userId))];
}

function asActor(profile: { userId: number; unitId: number; roles: string[]; teamIds: number[] }): StaffActor {
  return { kind: 'staff', userId: profile.userId, unitId: profile.unitId, roles: profile.roles.filter(isStaffRole), teamIds: profile.teamIds };
}
