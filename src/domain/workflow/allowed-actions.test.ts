import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CaseEvent } from '../case-event.js';
import { allowedActions } from './allowed-actions.js';
import { context, reporter, staff, stateAfter, submitted } from '../../../test/support/case-scenario.js';

const verified: CaseEvent = { type: 'case.verified', data: { result: 'indicated', note: 'x', draftReply: null } };
const inReview: CaseEvent[] = [
  submitted(), verified,
  { type: 'case.assigned', data: { unitId: 10, handlerId: 103, teamId: null, instructions: 'x' } },
  { type: 'case.started', data: { handlerId: 103 } },
  { type: 'response.drafted', data: { draftNumber: 1, drafterId: 103, finding: 'substantiated', text: 'x' } },
  { type: 'response.submitted_for_approval', data: { draftNumber: 1, chain: [...context.approvalChain] } },
];

it('offers a coordinator verification, triage and rejection of a new case', () => {
  assert.deepEqual(allowedActions(stateAfter([submitted()]), staff.coordinator, context),
    ['verify', 'request_info', 'reject', 'triage', 'add_note', 'message_reporter', 'merge', 'withdraw']);
});
it('offers the head disposition of a verified case, and unsealing of a confidential reporter', () => {
  assert.deepEqual(allowedActions(stateAfter([submitted(), verified]), staff.head, context), ['assign', 'add_note', 'refer', 'unseal_identity']);
});
it('offers approval only to the approver of the current level', () => {
  const state = stateAfter(inReview);
  assert.ok(allowedActions(state, staff.head, context).includes('approve'));
  assert.ok(!allowedActions(state, staff.agencyHead, context).includes('approve'));
});
it('offers nothing to an auditor and nothing to staff outside the unit', () => {
  assert.deepEqual(allowedActions(stateAfter(inReview), staff.auditor, context), []);
  assert.deepEqual(allowedActions(stateAfter(inReview), staff.siblingCoordinator, context), []);
});
it('offers the reporter an answer while information is requested', () => {
  assert.deepEqual(allowedActions(stateAfter([submitted(), { type: 'case.info_requested', data: { message: 'x' } }]), reporter, context), ['withdraw', 'answer']);
});
