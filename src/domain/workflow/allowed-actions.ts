import { canSee, type CaseFacts, type StaffActor, type StaffRole } from '../access/policy.js';
import { finalStatuses, openStatuses, type ComplaintStatus } from '../complaint/complaint-status.js';
import { DomainError } from '../domain-error.js';
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

/**
 * Why an action is refused, before any field is read: what `decide` throws and what keeps an
 * action out of `allowedActions`. `caseActionError` turns it into the `DomainError` the API answers.
 */
export type CaseActionRefusal =
  | { code: 'complaint.not_found' }
  | { code: 'workflow.forbidden'; reason?: Exclude<PersonalRefusal, 'not_the_current_approver'> }
  | { code: 'publication.not_consented' }
  | { code: 'workflow.action_not_allowed' }
  | { code: 'workflow.not_your_turn'; role: string | undefined; unitId: number | undefined };

export type CaseGuardRule = (state: CaseState, action: CaseActionName, actor: WorkflowActor, context: WorkflowContext) => CaseActionRefusal | undefined;

/**
 * The refusals in issue 4's order (decide.ts says what each means to the caller); the first that
 * applies wins. `decide` and `allowedActions` both read this one list, so an action is offered
 * exactly when taking it would pass the guard.
 */
export const caseGuardRules: readonly CaseGuardRule[] = [
  (state, _action, actor, context) => (actor.kind === 'staff' && !canSee(actor, caseFactsOf(state, context)) ? { code: 'complaint.not_found' } : undefined),
  (_state, action, actor) => (rolesAllow(actor, action) ? undefined : { code: 'workflow.forbidden' }),
  (state, action) => (lacksPublicationConsent(state, action) ? { code: 'publication.not_consented' } : undefined),
  (state, action) => (isAllowedInState(state, action) ? undefined : { code: 'workflow.action_not_allowed' }),
  (state, action, actor, context) => {
    const refusal = personalRefusal(state, actor, action, context);
    if (refusal === null) return undefined;
    if (refusal !== 'not_the_current_approver') return { code: 'workflow.forbidden', reason: refusal };
    const level = state.draft?.chain?.[state.draft.currentLevel];
    return { code: 'workflow.not_your_turn', role: level?.role, unitId: level?.unitId };
  },
];

/** The first refusal of `caseGuardRules` for this action, or undefined when the actor may take it now. */
export function caseActionRefusal(state: CaseState, action: CaseActionName, actor: WorkflowActor, context: WorkflowContext): CaseActionRefusal | undefined {
  for (const rule of caseGuardRules) {
    const refusal = rule(state, action, actor, context);
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}

/** The `DomainError` a refusal answers with: a state that does not admit the action names the actions allowed now. */
export function caseActionError(refusal: CaseActionRefusal, state: CaseState, action: CaseActionName, actor: WorkflowActor, context: WorkflowContext): DomainError {
  switch (refusal.code) {
    case 'complaint.not_found': return new DomainError('complaint.not_found');
    case 'workflow.forbidden': return new DomainError('workflow.forbidden', refusal.reason === undefined ? { action } : { action, reason: refusal.reason });
    case 'publication.not_consented': return new DomainError('publication.not_consented', { action });
    case 'workflow.action_not_allowed':
      return new DomainError('workflow.action_not_allowed', { action, state: state.status, allowed: allowedActions(state, actor, context) });
    case 'workflow.not_your_turn': return new DomainError('workflow.not_your_turn', { action, role: refusal.role, unitId: refusal.unitId });
    default: {
      const unhandled: never = refusal;
      throw new Error(`caseActionError: unhandled refusal ${JSON.stringify(unhandled)}`);
    }
  }
}

/** The actions the actor may take on the case now, for the staff view and for 409 answers. */
export function allowedActions(state: CaseState, actor: WorkflowActor, context: WorkflowContext): CaseActionName[] {
  return caseActionNames.filter((action) => caseActionRefusal(state, action, actor, context) === undefined);
}
