import type { CaseEvent } from '../case-event.js';
import type { CaseState } from '../workflow/case-state.js';

/**
 * What a staff member is told, in the app and by mail. Stored with the outbox row and the
 * notification; a name is never renamed, since old rows keep it.
 */
export const staffNoticeTemplates = [
  'complaint.new', 'case.assigned_to_you', 'case.referred_to_your_unit', 'case.appealed_to_your_unit',
  'response.awaiting_your_approval', 'response.ready_to_send', 'response.returned',
  'reporter.answered', 'reporter.message_added', 'deadline.reminder', 'deadline.missed',
] as const;
export type StaffNoticeTemplate = (typeof staffNoticeTemplates)[number];

export function isStaffNoticeTemplate(template: string): template is StaffNoticeTemplate {
  return (staffNoticeTemplates as readonly string[]).includes(template);
}

/** Who, by position rather than by name: the app turns it into the active staff who may see the case. */
export type NextActor =
  | { kind: 'users'; userIds: readonly number[] }
  /** With `orAbove`, the nearest unit up the tree that has any (coordinators above see the cases below). */
  | { kind: 'role_in_unit'; role: 'coordinator' | 'head' | 'handler'; unitId: number; orAbove?: boolean }
  | { kind: 'team'; teamId: number }
  | { kind: 'integrity_team' };

export interface StaffNotice {
  template: StaffNoticeTemplate;
  /** Alternatives in order: the first that names anyone who may see the case is told. */
  to: readonly NextActor[];
  /** The event that called for it (index into the events given). */
  eventIndex: number;
}

/**
 * Who must act next after these events, which took the case to `after`. One notice per
 * template: an action that took several events (an approval and the skipped levels after it)
 * tells each person once. The actor is left out by the caller, who knows who acted.
 *
 * - a new complaint, or one referred in: the coordinators of its unit or the nearest unit above
 *   (they verify), else its head;
 * - a disposition: the handler named, else the team, else the unit's handlers (any may start it);
 * - an appeal: the head of the unit it went up to (heads dispose), else its coordinators;
 * - a draft waiting at a level: the holders of that level who may still approve it;
 * - a draft approved at the last level: the coordinators, as above (`send_response` is theirs);
 * - a draft returned: its drafter;
 * - the reporter answered, wrote or added evidence: whoever works on the case now.
 * A whistleblowing case nobody holds yet goes to the integrity team, the only staff who see it.
 */
export function nextActors(events: readonly CaseEvent[], after: CaseState): StaffNotice[] {
  const notices: StaffNotice[] = [];
  const add = (template: StaffNoticeTemplate, eventIndex: number, to: readonly NextActor[]) => {
    if (!notices.some((notice) => notice.template === template)) notices.push({ template, to, eventIndex });
  };
  const unitCoordinators = (unitId: number): NextActor[] => after.isWhistleblowing
    ? [{ kind: 'integrity_team' }]
    : [{ kind: 'role_in_unit', role: 'coordinator', unitId, orAbove: true }, { kind: 'role_in_unit', role: 'head', unitId }];
  events.forEach((event, index) => {
    switch (event.type) {
      case 'complaint.submitted':
        add('complaint.new', index, unitCoordinators(event.data.unitId));
        break;
      case 'case.referred':
        if (after.status === 'received') add('case.referred_to_your_unit', index, unitCoordinators(after.unitId));
        break;
      case 'case.assigned':
        add('case.assigned_to_you', index, assignees(after, [{ kind: 'role_in_unit', role: 'handler', unitId: event.data.unitId }]));
        break;
      case 'case.appealed':
        add('case.appealed_to_your_unit', index, after.isWhistleblowing
          ? [{ kind: 'integrity_team' }]
          : [{ kind: 'role_in_unit', role: 'head', unitId: event.data.toUnitId }, { kind: 'role_in_unit', role: 'coordinator', unitId: event.data.toUnitId }]);
        break;
      case 'response.submitted_for_approval':
      case 'response.approved':
      case 'response.approval_level_skipped':
        if (after.status === 'response_review') add('response.awaiting_your_approval', index, [{ kind: 'users', userIds: approversWhoseTurnItIs(after) }]);
        if (after.status === 'response_approved') add('response.ready_to_send', index, unitCoordinators(after.unitId));
        break;
      case 'response.returned':
        if (after.draft !== null) add('response.returned', index, [{ kind: 'users', userIds: [after.draft.drafterId] }]);
        break;
      case 'reporter.answered':
        add('reporter.answered', index, assignees(after, unitCoordinators(after.unitId)));
        break;
      case 'reporter.message_added':
      case 'reporter.attachment_added':
        add('reporter.message_added', index, assignees(after, unitCoordinators(after.unitId)));
        break;
      default:
        break;
    }
  });
  return notices;
}

/** The handler, else the team, else `otherwise` (for whistleblowing: the integrity team). */
function assignees(state: CaseState, otherwise: readonly NextActor[]): NextActor[] {
  if (state.handlerId !== null) return [{ kind: 'users', userIds: [state.handlerId] }];
  if (state.teamId !== null) return [{ kind: 'team', teamId: state.teamId }];
  return state.isWhistleblowing ? [{ kind: 'integrity_team' }] : [...otherwise];
}

/** The holders of the level the draft waits at, less its drafter, earlier approvers and anyone the complaint concerns. */
export function approversWhoseTurnItIs(state: CaseState): number[] {
  if (state.status !== 'response_review' || state.draft?.chain == null) return [];
  const draft = state.draft;
  const holders = draft.chain?.[draft.currentLevel]?.holderIds ?? [];
  const approvers = new Set(draft.approvals.map((approval) => approval.approverId));
  return holders.filter((id) => !state.concernedStaffIds.includes(id) && !approvers.has(id) && id !== draft.drafterId);
}
