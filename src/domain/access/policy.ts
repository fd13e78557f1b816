/** Who may see a case (docs/design.md "Access and privacy"). Pure: the caller passes the facts. */

export const staffRoles = ['admin', 'intake', 'coordinator', 'head', 'handler', 'auditor'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Roles that work on cases; `admin` configures and `auditor` reads. */
const caseWorkRoles: ReadonlySet<StaffRole> = new Set(['intake', 'coordinator', 'head', 'handler']);

export interface StaffActor {
  kind: 'staff';
  userId: number;
  unitId: number;
  roles: readonly StaffRole[];
  teamIds: readonly number[];
}

export interface CaseFacts {
  /** The case's unit followed by its ancestors, nearest first, up to the root. */
  unitPath: readonly number[];
  handlerId: number | null;
  teamId: number | null;
  isWhistleblowing: boolean;
  /** The designated integrity team(s): the only staff who see whistleblowing cases. */
  integrityTeamIds: readonly number[];
  /** Staff the complaint names or concerns. */
  concernedStaffIds: readonly number[];
}

export type SeeDecision =
  | { isAllowed: true; as: 'case_worker' | 'auditor' }
  | { isAllowed: false; reason: 'conflict_of_interest' | 'whistleblowing' | 'outside_unit' | 'no_case_role' };

/**
 * Checked in this order, so the strongest rule wins:
 * 1. staff the complaint concerns never see it, whatever their roles (auditors and admins too);
 * 2. a whistleblowing case is seen only by members of the designated integrity team, and only
 *    through a case-work or auditor role: being in the team is not a role, and an auditor outside
 *    the team does not see it either (the stricter rule wins). An integrity team covers the whole
 *    installation: its members see every whistleblowing case, whatever unit the case or the
 *    member sits in. A case filed under a whistleblowing category is whistleblowing from its
 *    first event, on every channel, so nobody else ever sees it: not the unit's intake officer,
 *    coordinator, head, handlers or auditors, and not the intake officer who recorded it at the
 *    desk, once recorded (they took it down; the team takes it from there);
 * 3. auditors read every other case (they change nothing: they hold no workflow action);
 * 4. case workers see the cases of their unit and the units below it, and cases assigned to
 *    them or their team wherever those sit;
 * 5. an administrator, as such, configures and reads no case (and so no sealed identity).
 */
/** Works on cases (intake, coordinator, head, handler); `admin` and `auditor` do not. */
export function isCaseWorker(actor: StaffActor): boolean {
  return actor.roles.some((role) => caseWorkRoles.has(role));
}

/** Reads any case at all: a case worker or an auditor. */
export function readsCases(actor: StaffActor): boolean {
  return isCaseWorker(actor) || actor.roles.includes('auditor');
}

export function seeDecision(actor: StaffActor, facts: CaseFacts): SeeDecision {
  if (facts.concernedStaffIds.includes(actor.userId)) return { isAllowed: false, reason: 'conflict_of_interest' };
  const worksOnCases = isCaseWorker(actor);
  const isAuditor = actor.roles.includes('auditor');
  if (!worksOnCases && !isAuditor) return { isAllowed: false, reason: 'no_case_role' };
  if (facts.isWhistleblowing) {
    const isInIntegrityTeam = actor.teamIds.some((teamId) => facts.integrityTeamIds.includes(teamId));
    if (!isInIntegrityTeam) return { isAllowed: false, reason: 'whistleblowing' };
    return { isAllowed: true, as: worksOnCases ? 'case_worker' : 'auditor' };
  }
  if (worksOnCases) {
    const isAssigned = facts.handlerId === actor.userId || (facts.teamId !== null && actor.teamIds.includes(facts.teamId));
    if (isAssigned || facts.unitPath.includes(actor.unitId)) return { isAllowed: true, as: 'case_worker' };
  }
  if (isAuditor) return { isAllowed: true, as: 'auditor' };
  return { isAllowed: false, reason: 'outside_unit' };
}

/**
 * Whether anyone would see a whistleblowing case: an active integrity team with an active member
 * who reads cases and whom the complaint does not concern. Without one, such a case would be
 * visible to nobody, so it is refused (at submission, triage and in administration).
 */
export function hasIntegrityReader(integrityTeamIds: readonly number[], integrityReaderIds: readonly number[], concernedStaffIds: readonly number[]): boolean {
  return integrityTeamIds.length > 0 && integrityReaderIds.some((id) => !concernedStaffIds.includes(id));
}

export function canSee(actor: StaffActor, facts: CaseFacts): boolean {
  return seeDecision(actor, facts).isAllowed;
}
