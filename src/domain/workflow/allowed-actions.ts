import { canSee, type CaseFacts, type StaffActor, type StaffRole } from '../access/policy.js';
import { finalStatuses, openStatuses, type ComplaintStatus } from '../complaint/complaint-status.js';
import { caseActionNames, type CaseActionName } from './case-action.js';
import type { CaseState } from './case-state.js';
import { isPublishable } from './publication.js';
import type { WorkflowActor, WorkflowContext } from './workflow-context.js';

/** The roles each staff action needs (issue 4's table); reporter-only actions have none. */
const rolesFor: Record<CaseActionName, readonly StaffRole[]> = {
  verify: ['coordinator'],
  request_info: ['coordinator', 'handler'],
  reject: ['coordinator'],
  triage: ['coordinator'],
  assign: ['head'],
  start: ['handler'],
  add_note: ['intake', 'coordinator', 'head', 'handler'],
  message_reporter: ['coordinator', 'handler'],
  draft_response: ['handler'],
  submit_for_approval: ['handler'],
  // Any role a chain level can name; who exactly approves is checked against the current level.
  approve: ['coordinator', 'head', 'handler'],
  return: ['coordinator', 'head', 'handler'],
  send_response: ['coordinator'],
  add_corrective_action: ['handler', 'head'],
  complete_corrective_action: ['handler', 'head'],
  resolve_at_desk: ['intake'],
  close: ['coordinator'],
  refer: ['head'],
  merge: ['coordinator'],
  withdraw: ['coordinator'],
  unseal_identity: ['head'],
  // What the public body says in public about a case: the coordinator who answered for it, or the head.
  publish: ['coordinator', 'head'],
  unpublish: ['coordinator', 'head'],
  answer: [],
  rate: [],
  appeal: [],
};

const reporterActions: ReadonlySet<CaseActionName> = new Set(['answer', 'rate', 'appeal', 'withdraw']);

const correctiveActionStatuses: ReadonlySet<ComplaintStatus> = new Set([
  'in_progress', 'response_review', 'response_approved', 'responded', 'closed', 'appealed',
]);

const isIn = (status: ComplaintStatus, ...statuses: ComplaintStatus[]): boolean => statuses.includes(status);

/** Whether the case, as it stands, admits the action at all (whoever asks). */
export function isAllowedInState(state: CaseState, action: CaseActionName): boolean {
  const status = state.status;
  switch (action) {
    case 'verify': return status === 'received';
    case 'request_info': return isIn(status, 'received', 'verified', 'assigned', 'in_progress');
    case 'reject': return isIn(status, 'received', 'needs_info', 'verified');
    case 'triage': return isIn(status, 'received', 'verified', 'assigned', 'in_progress');
    case 'assign': return isIn(status, 'verified', 'assigned', 'appealed');
    case 'start': return status === 'assigned';
    case 'add_note': return true;
    case 'message_reporter': return !finalStatuses.has(status);
    case 'draft_response': return status === 'in_progress';
    case 'submit_for_approval': return status === 'in_progress' && state.draft !== null;
    case 'approve':
    case 'return': return status === 'response_review';
    case 'send_response': return status === 'response_approved';
    case 'add_corrective_action': return correctiveActionStatuses.has(status);
    case 'complete_corrective_action':
      return correctiveActionStatuses.has(status) && state.correctiveActions.some((action) => !action.isCompleted);
    case 'resolve_at_desk': return status === 'received' && (state.channel === 'walk_in' || state.channel === 'phone');
    case 'close': return status === 'responded';
    case 'refer':
    case 'merge':
    case 'withdraw': return openStatuses.has(status);
    // Only a confidential reporter's identity is sealed; an anonymous one has none to unseal.
    case 'unseal_identity': return state.identityMode === 'confidential';
    // Closed after an answer (publication.ts says which outcomes); a re-publish replaces the summary.
    case 'publish': return isPublishable(state);
    case 'unpublish': return state.publication !== null;
    case 'answer': return status === 'needs_info';
    case 'rate': return status === 'responded' && !state.isRated;
    case 'appeal': return isIn(status, 'responded', 'closed', 'rejected');
    default: {
      const unhandled: never = action;
      throw new Error(`isAllowedInState: unhandled action ${String(unhandled)}`);
    }
  }
}

/** The staff roles that may take an action (one of them suffices); none for the reporter's own actions. */
export function rolesTaking(action: CaseActionName): readonly StaffRole[] {
  return rolesFor[action];
}

/** Whether the actor's roles (or being the reporter) allow the action in general. */
export function rolesAllow(actor: WorkflowActor, action: CaseActionName): boolean {
  if (actor.kind === 'reporter') return reporterActions.has(action);
  return rolesFor[action].some((role) => actor.roles.includes(role));
}

export type PersonalRefusal = 'not_assigned' | 'not_the_current_approver' | 'own_draft' | 'already_approved_a_level' | 'not_in_handling_unit';

/**
 * Publishing needs the reporter's consent, given on the form. Without it nobody may publish the
 * case in any state, so this is asked before the state: "not now" would suggest "later".
 */
export function lacksPublicationConsent(state: CaseState, action: CaseActionName): boolean {
  return action === 'publish' && !state.allowsPublication;
}

/**
 * Why this particular person may not take an action their roles allow, in a state that allows it:
 * handler work belongs to the assigned handler or team; an approval to the holder of the current
 * level's role in its unit, who did not write the draft and has not approved another level; the
 * public register to the coordinators and heads of the case's unit and the units above it (not to
 * one who sees the case only because their team was assigned it).
 */
export function personalRefusal(state: CaseState, actor: WorkflowActor, action: CaseActionName, context: WorkflowContext): PersonalRefusal | null {
  if (actor.kind === 'reporter') return null;
  switch (action) {
    case 'start':
    case 'draft_response':
    case 'submit_for_approval':
      return isAssignee(state, actor) ? null : 'not_assigned';
    case 'approve':
    case 'return': {
      const draft = state.draft;
      const level = draft?.chain?.[draft.currentLevel];
      if (draft === null || level === undefined) return 'not_the_current_approver';
      if (level.unitId !== actor.unitId || !actor.roles.some((role) => role === level.role)) return 'not_the_current_approver';
      
      if (draft.drafterId === actor.userId) return 'own_draft';
      if (draft.approvals.some((approval) => approval.approverId === actor.userId)) return 'already_approved_a_level';
      return null;
    }
    case 'publish':
    case 'unpublish':
      return context.unitPath.includes(actor.unitId) ? null : 'not_in_handling_unit';
    default:
      return null;
  }
}

/** With nobody named the unit's handlers may take the case; once named, only they (or their team). */
function isAssignee(state: CaseState, actor: StaffActor): boolean {
  if (state.handlerId === null && state.teamId === null) return true;
  return state.handlerId === actor.userId || (state.teamId !== null && actor.teamIds.includes(state.teamId));
}

export function caseFactsOf(state: CaseState, context: WorkflowContext): CaseFacts {
  return {
    unitPath: context.unitPath, handlerId: state.handlerId, teamId: state.teamId, isWhistleblowing: state.isWhistleblowing,
    integrityTeamIds: context.integrityTeamIds, concernedStaffIds: state.concernedStaffIds,
  };
}

/** The actions the actor may take on the case now, for the staff view and for 409 answers. */
export function allowedActions(state: CaseState, actor: WorkflowActor, context: WorkflowContext): CaseActionName[] {
  if (actor.kind === 'staff' && !canSee(actor, caseFactsOf(state, context))) return [];
  return caseActionNames.filter((action) =>
    rolesAllow(actor, action) && !lacksPublicationConsent(state, action) && isAllowedInState(state, action)
    && personalRefusal(state, actor, action, context) === null);
}
