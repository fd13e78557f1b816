import { complaintStatuses, type ComplaintStatus } from '../../../domain/complaint/complaint-status.js';
import { isAllowedInState, rolesTaking } from '../../../domain/workflow/allowed-actions.js';
import type { CaseActionName } from '../../../domain/workflow/case-action.js';
import type { CaseState } from '../../../domain/workflow/case-state.js';
import type { ReporterActionName, StaffActionName } from '../../shared/action-schemas.js';

/** What each action does, for the API document; who may take it and when is read from the domain. */
const purposes: Record<StaffActionName | ReporterActionName, { summary: string; condition?: string }> = {
  verify: { summary: 'Verify the complaint: whether there is an indication that it is true' },
  request_info: { summary: 'Ask the reporter for more information (the service-level clocks pause until they answer)' },
  reject: { summary: 'Reject the complaint, with the reason the reporter is told' },
  triage: { summary: 'Set the category, urgency and impact (which give the priority)' },
  assign: { summary: 'Assign the case to a unit, and to a handler or a team in it' },
  start: { summary: 'Start handling the case (the assigned handler or team)' },
  add_note: { summary: 'Add an internal note to the case' },
  message_reporter: { summary: 'Send the reporter a message' },
  draft_response: { summary: 'Write (or rewrite) the response and its finding' },
  submit_for_approval: { summary: 'Submit the draft response to its approval chain', condition: 'a draft exists' },
  approve: { summary: 'Approve the draft response at the current level of its chain', condition: 'only the holder of the current level\'s role in its unit, who did not write the draft and approved no other level; anyone else gets 403 workflow.not_your_turn naming whose turn it is' },
  return: { summary: 'Return the draft response for corrections', condition: 'only the current approver, as for approve' },
  send_response: { summary: 'Send the approved response to the reporter, with its signed letter' },
  add_corrective_action: { summary: 'Add a corrective action with its owner and due date' },
  complete_corrective_action: { summary: 'Record a corrective action as done, with its evidence', condition: 'a corrective action is still open' },
  resolve_at_desk: { summary: 'Answer a walk-in or phone complaint at the desk, which meets all its deadlines', condition: 'walk-in and phone complaints only' },
  close: { summary: 'Close a responded case' },
  refer: { summary: 'Refer the case to another unit (its clocks restart there) or to an agency outside' },
  merge: { summary: 'Merge the case into another case (by its id)' },
  withdraw: { summary: 'Withdraw the case, with the reason' },
  unseal_identity: { summary: 'Unseal a confidential reporter\'s identity, with the reason (recorded)', condition: 'confidential reporters only' },
  publish: { summary: 'Publish the resolved case in the public register with a redacted summary', condition: 'the reporter allowed publication, the case was answered and is not whistleblowing; the coordinators and heads of the case\'s unit and the units above it' },
  unpublish: { summary: 'Take the case out of the public register', condition: 'the case is published' },
  answer: { summary: 'Answer the request for information (the clocks start again)' },
  rate: { summary: 'Rate the response from 1 to 5, which closes the case', condition: 'not rated yet' },
  appeal: { summary: 'Appeal against the response or the rejection, to the unit above' },
};

// The most permissive case each state can be in, to ask the domain in which states an action is possible.
const permissiveState = (status: ComplaintStatus): CaseState => ({
  status, statusBeforeInfoRequest: null, channel: 'walk_in', identityMode: 'confidential', categoryCode: null, unitId: 1,
  handlerId: null, teamId: null, verification: null, priority: null, isWhistleblowing: false, concerns: null, concernedStaffIds: [],
  draft: { draftNumber: 1, drafterId: 1, finding: 'substantiated', text: 'x', chain: [], currentLevel: 0, approvals: [], skippedLevels: [] },
  draftCount: 1, correctiveActions: [{ actionId: 1, description: 'x', ownerId: 1, dueOn: '2026-01-01', isCompleted: false }],
  isRated: false, allowsPublication: true, answer: { text: 'x', at: new Date(0) }, closedAt: new Date(0),
  publication: { summary: 'x', publicAnswer: 'x', publishedAt: new Date(0) },
});

/** The states in which the case can admit the action (given the action's own conditions). */
export function statusesAdmitting(action: CaseActionName): ComplaintStatus[] {
  return complaintStatuses.filter((status) => isAllowedInState(permissiveState(status), action));
}

function statesText(action: CaseActionName): string {
  const statuses = statusesAdmitting(action);
  return statuses.length === complaintStatuses.length ? 'any state' : statuses.map((status) => `\`${status}\``).join(', ');
}

/** The summary and description of one action's path: what it does, who may take it and when. */
export function actionDocs(action: StaffActionName | ReporterActionName, taker: 'staff' | 'reporter'): { summary: string; description: string } {
  const { summary, condition } = purposes[action];
  const who = taker === 'reporter' ? 'The reporter, with the token from POST /api/v1/track.' : `Roles: ${rolesTaking(action).map((role) => `\`${role}\``).join(', ')} (any one).`;
  const when = `States: ${statesText(action)}${condition ? `; ${condition}` : ''}.`;
  const refusals = taker === 'reporter'
    ? 'Refusals: 401 without a valid token; 409 in a state that does not allow it; 400 naming each bad field.'
    : 'Refusals: 404 for a case I may not see; 403 when my roles do not allow the action (workflow.forbidden) or it is not my turn to approve (workflow.not_your_turn); 409 in a state that does not allow it, naming the state and the actions allowed now; 400 naming each bad field.';
  return { summary, description: [who, when, refusals].join('\n\n') };
}
