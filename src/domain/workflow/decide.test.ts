import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseEvent } from '../case-event.js';
import { complaintStatuses, type ComplaintStatus } from '../complaint/complaint-status.js';
import { isAllowedInState } from './allowed-actions.js';
import type { CaseAction, CaseActionName } from './case-action.js';
import { caseActionNames } from './case-action.js';
import { context, given, reporter, staff, stateAfter, submitted } from '../../../test/support/case-scenario.js';

const received = submitted();
const verified: CaseEvent = { type: 'case.verified', data: { result: 'indicated', note: 'Ada indikasi', draftReply: null } };
const assigned: CaseEvent = { type: 'case.assigned', data: { unitId: 10, handlerId: 103, teamId: null, instructions: 'Periksa loket' } };
const started: CaseEvent = { type: 'case.started', data: { handlerId: 103 } };
const drafted: CaseEvent = { type: 'response.drafted', data: { draftNumber: 1, drafterId: 103, finding: 'substantiated', text: 'Kami mohon maaf.' } };
const inReview: CaseEvent = { type: 'response.submitted_for_approval', data: { draftNumber: 1, chain: [...context.approvalChain] } };
const approvedBySection: CaseEvent = { type: 'response.approved', data: { draftNumber: 1, level: 0, approverId: 102, note: 'Setuju' } };
const approvedByAgency: CaseEvent = { type: 'response.approved', data: { draftNumber: 1, level: 1, approverId: 201, note: 'Setuju' } };
const sent: CaseEvent = { type: 'response.sent', data: { draftNumber: 1, finding: 'substantiated', text: 'Kami mohon maaf.' } };
const infoRequested: CaseEvent = { type: 'case.info_requested', data: { message: 'Jam berapa?' } };
const rejected: CaseEvent = { type: 'case.rejected', data: { reason: 'out_of_scope', message: 'Bukan kewenangan kami' } };
const closed: CaseEvent = { type: 'case.closed', data: { note: 'Selesai' } };
const correctiveAdded: CaseEvent = { type: 'corrective_action.added', data: { actionId: 1, description: 'Jadwal loket', ownerId: 103, dueOn: '2025-04-01' } };

const inProgress = [received, verified, assigned, started];
const underReview = [...inProgress, drafted, inReview];
const approved = [...underReview, approvedBySection, approvedByAgency];
const responded = [...approved, sent];

/** One case in each status, to walk the state table. */
const caseIn: Record<ComplaintStatus, CaseEvent[]> = {
  received: [received],
  needs_info: [received, infoRequested],
  rejected: [received, rejected],
  verified: [received, verified],
  assigned: [received, verified, assigned],
  in_progress: inProgress,
  response_review: underReview,
  response_approved: approved,
  responded,
  closed: [...responded, closed],
  appealed: [...responded, { type: 'case.appealed', data: { reasons: 'Belum puas', fromUnitId: 10, toUnitId: 1 } }],
  referred: [received, { type: 'case.referred', data: { to: { kind: 'agency', agency: 'Ombudsman RI', note: 'Kewenangan Ombudsman' } } }],
  merged: [received, { type: 'case.merged', data: { intoId: 'c-2', intoRegisterNumber: 'ADU-2025-000002' } }],
  withdrawn: [received, { type: 'case.withdrawn', data: { reason: 'Sudah beres' } }],
};

describe('the state table', () => {
  // The states each action may be taken in; everything else is refused with 409.
  const expected: Record<CaseActionName, ComplaintStatus[]> = {
    verify: ['received'],
    request_info: ['received', 'verified', 'assigned', 'in_progress'],
    reject: ['received', 'needs_info', 'verified'],
    triage: ['received', 'verified', 'assigned', 'in_progress'],
    assign: ['verified', 'assigned', 'appealed'],
    start: ['assigned'],
    add_note: [...complaintStatuses],
    message_reporter: ['received', 'needs_info', 'rejected', 'verified', 'assigned', 'in_progress', 'response_review', 'response_approved', 'responded', 'appealed'],
    draft_response: ['in_progress'],
    submit_for_approval: ['in_progress'],
    approve: ['response_review'],
    return: ['response_review'],
    send_response: ['response_approved'],
    add_corrective_action: ['in_progress', 'response_review', 'response_approved', 'responded', 'closed', 'appealed'],
    complete_corrective_action: [],
    resolve_at_desk: [],
    close: ['responded'],
    refer: ['received', 'needs_info', 'verified', 'assigned', 'in_progress', 'response_review', 'response_approved', 'appealed'],
    merge: ['received', 'needs_info', 'verified', 'assigned', 'in_progress', 'response_review', 'response_approved', 'appealed'],
    withdraw: ['received', 'needs_info', 'verified', 'assigned', 'in_progress', 'response_review', 'response_approved', 'appealed'],
    unseal_identity: [...complaintStatuses],
    // Closed after a response; consent is asked before the state (publication.test.ts).
    publish: ['closed'],
    // Only once published (publication.test.ts).
    unpublish: [],
    answer: ['needs_info'],
    rate: ['responded'],
    appeal: ['rejected', 'responded', 'closed'],
  };
  for (const action of caseActionNames) {
    it(`allows ${action} only in ${expected[action].join(', ') || 'states that need more than a status'}`, () => {
      const allowedIn = complaintStatuses.filter((status) => isAllowedInState(stateAfter(caseIn[status]), action));
      // submit_for_approval also needs a draft, which the in_progress case above has not got.
      const withDraft = action === 'submit_for_approval' && isAllowedInState(stateAfter([...inProgress, drafted]), action) ? ['in_progress'] : [];
      assert.deepEqual([...new Set([...allowedIn, ...withDraft])].sort(), [...expected[action]].sort());
    });
  }
});

describe('refusals, in the order the issue gives', () => {
  it('answers not found to a coordinator of a sibling unit, even for an action they could otherwise take', () => {
    given(received).when({ action: 'verify', result: 'indicated', note: 'x' }, staff.siblingCoordinator).thenRefuses('complaint.not_found');
  });
  it('answers not found, not forbidden, to staff the complaint concerns', () => {
    given(received, { type: 'case.concerned_staff_named', data: { staffIds: [102] } })
      .when({ action: 'assign', unitId: 10, instructions: 'x' }, staff.head).thenRefuses('complaint.not_found');
  });
  it('answers forbidden before not-allowed-now when the role lacks the action', () => {
    given(...responded).when({ action: 'verify', result: 'indicated', note: 'x' }, staff.handler).thenRefuses('workflow.forbidden', { action: 'verify' });
  });
  it('names the state and the actions allowed now when the state does not admit the action', () => {
    given(received).when({ action: 'close', note: 'x' }).thenRefuses('workflow.action_not_allowed', {
      action: 'close', state: 'received',
      allowed: ['verify', 'request_info', 'reject', 'triage', 'add_note', 'message_reporter', 'merge', 'withdraw'],
    });
  });
  it('lets an auditor read but forbids every action', () => {
    for (const action of [{ action: 'add_note', text: 'x' }, { action: 'close', note: 'x' }] satisfies CaseAction[]) {
      given(...responded).when(action, staff.auditor).thenRefuses('workflow.forbidden');
    }
  });
  it('answers not found to an administrator, who configures but reads no case', () => {
    given(received).when({ action: 'add_note', text: 'x' }, staff.admin).thenRefuses('complaint.not_found');
  });
  it('forbids staff actions to the reporter and reporter actions to staff', () => {
    given(received).when({ action: 'verify', result: 'indicated', note: 'x' }, reporter).thenRefuses('workflow.forbidden');
    given(received, infoRequested).when({ action: 'answer', text: 'Jam 10' }, staff.coordinator).thenRefuses('workflow.forbidden');
  });
  it('names each blank field', () => {
    given(received).when({ action: 'reject', reason: 'other', message: '  ' }).thenRefuses('request.invalid');
  });
});

describe('verification, triage and disposition', () => {
  it('records an indication of truth with the note and the draft reply for the head', () => {
    given(received).when({ action: 'verify', result: 'indicated', note: 'Saksi membenarkan', draftReply: 'Terima kasih...' })
      .then({ type: 'case.verified', data: { result: 'indicated', note: 'Saksi membenarkan', draftReply: 'Terima kasih...' } });
  });
  it('records no indication of truth the same way, also for the head to decide', () => {
    given(received).when({ action: 'verify', result: 'not_indicated', note: 'Tidak ada bukti' })
      .then({ type: 'case.verified', data: { result: 'not_indicated', note: 'Tidak ada bukti', draftReply: null } });
    assert.equal(stateAfter([received, verified]).status, 'verified');
  });
  it('computes priority from urgency times impact and marks a whistleblowing category', () => {
    given(received).when({ action: 'triage', category: 'integrity.bribery', urgency: 3, impact: 2 })
      .then({ type: 'case.triaged', data: { categoryCode: 'integrity.bribery', urgency: 3, impact: 2, priority: 'high', isWhistleblowing: true } });
    given(received).when({ action: 'triage', category: 'service.time', urgency: 1, impact: 2 })
      .then({ type: 'case.triaged', data: { categoryCode: 'service.time', urgency: 1, impact: 2, priority: 'low', isWhistleblowing: false } });
  });
  it('refuses an urgency outside 1-3', () => {
    given(received).when({ action: 'triage', category: 'service.time', urgency: 4, impact: 1 }).thenRefuses('request.invalid');
  });
  it('lets the head dispose a verified case to a handler with instructions', () => {
    given(received, verified).when({ action: 'assign', unitId: 10, handlerId: 103, instructions: 'Periksa loket' }, staff.head).then(assigned);
  });
  it('forbids a coordinator to assign', () => {
    given(received, verified).when({ action: 'assign', unitId: 10, instructions: 'x' }).thenRefuses('workflow.forbidden');
  });
  it('rejects a received case with the reason told to the reporter', () => {
    given(received).when({ action: 'reject', reason: 'out_of_scope', message: 'Bukan kewenangan kami' }).then(rejected);
  });
});

describe('requests for information', () => {
  it('pauses the case and returns it where it was when the reporter answers', () => {
    const waiting = given(...inProgress).when({ action: 'request_info', message: 'Jam berapa?' }, staff.handler).events();
    assert.equal(stateAfter(waiting).status, 'needs_info');
    const answered = given(...waiting).when({ action: 'answer', text: 'Jam 10' }, reporter).events();
    assert.equal(stateAfter(answered).status, 'in_progress');
  });
  it('refuses an answer nobody asked for', () => {
    given(received).when({ action: 'answer', text: 'x' }, reporter).thenRefuses('workflow.action_not_allowed');
  });
});

describe('investigation and the response', () => {
  it('lets the assigned handler start and draft', () => {
    given(received, verified, assigned).when({ action: 'start' }, staff.handler).then(started);
    given(...inProgress).when({ action: 'draft_response', finding: 'substantiated', text: 'Kami mohon maaf.' }, staff.handler).then(drafted);
  });
  it('forbids another handler of the unit once a handler is named', () => {
    given(received, verified, assigned).when({ action: 'start' }, staff.otherHandler).thenRefuses('workflow.forbidden', { reason: 'not_assigned' });
  });
  it('numbers a redraft after the first', () => {
    given(...inProgress, drafted).when({ action: 'draft_response', finding: 'partly_substantiated', text: 'v2' }, staff.handler)
      .then({ type: 'response.drafted', data: { draftNumber: 2, drafterId: 103, finding: 'partly_substantiated', text: 'v2' } });
  });
  it('refuses submission without a draft', () => {
    given(...inProgress).when({ action: 'submit_for_approval' }, staff.handler).thenRefuses('workflow.action_not_allowed');
  });
  it('submits with the chain resolved for the case', () => {
    given(...inProgress, drafted).when({ action: 'submit_for_approval' }, staff.handler).then(inReview);
  });
  it('approves level by level up to the head of the agency, then waits to be sent', () => {
    given(...underReview).when({ action: 'approve', note: 'Setuju' }, staff.head).then(approvedBySection);
    given(...underReview, approvedBySection).when({ action: 'approve', note: 'Setuju' }, staff.agencyHead).then(approvedByAgency);
    assert.equal(stateAfter(approved).status, 'response_approved');
  });
  it('tells the head of the agency, approving before the head of section, that it is not their turn yet, and whose it is', () => {
    const level = context.approvalChain[0];
    given(...underReview).when({ action: 'approve', note: 'x' }, staff.agencyHead).thenRefuses('workflow.not_your_turn', { role: level?.role, unitId: level?.unitId });
    given(...underReview).when({ action: 'return', note: 'x' }, staff.agencyHead).thenRefuses('workflow.not_your_turn', { role: level?.role, unitId: level?.unitId });
  });
  it('forbids approving one\'s own draft', () => {
    const headDrafted: CaseEvent = { type: 'response.drafted', data: { draftNumber: 1, drafterId: 102, finding: 'substantiated', text: 'x' } };
    given(...inProgress, headDrafted, inReview).when({ action: 'approve', note: 'x' }, staff.head).thenRefuses('workflow.forbidden', { reason: 'own_draft' });
  });
  it('forbids one person to approve two levels', () => {
    const sameHeadTwice: CaseEvent = { type: 'response.submitted_for_approval', data: { draftNumber: 1, chain: [{ role: 'head', unitId: 10, holderIds: [102] }, { role: 'head', unitId: 10, holderIds: [102] }] } };
    given(...inProgress, drafted, sameHeadTwice, approvedBySection).when({ action: 'approve', note: 'x' }, staff.head)
      .thenRefuses('workflow.forbidden', { reason: 'already_approved_a_level' });
  });
  it('skips a level whose approver the complaint concerns, and says why', () => {
    const concernsSectionHead: CaseEvent = { type: 'case.concerned_staff_named', data: { staffIds: [102] } };
    given(received, concernsSectionHead, verified, assigned, started, drafted).when({ action: 'submit_for_approval' }, staff.handler).then(
      inReview, { type: 'response.approval_level_skipped', data: { draftNumber: 1, level: 0, reason: 'conflict_of_interest' } },
    );
  });
  it('skips the last level after an approval and approves the response', () => {
    const concernsAgencyHead: CaseEvent = { type: 'case.concerned_staff_named', data: { staffIds: [201] } };
    const events = given(received, concernsAgencyHead, verified, assigned, started, drafted, inReview).when({ action: 'approve', note: 'ok' }, staff.head).events();
    assert.deepEqual(events.slice(-2).map((event) => event.type), ['response.approved', 'response.approval_level_skipped']);
    assert.equal(stateAfter(events).status, 'response_approved');
  });
  it('returns the draft with corrections to the handler, and approval starts over', () => {
    const events = given(...underReview, approvedBySection).when({ action: 'return', note: 'Perbaiki angka' }, staff.agencyHead).events();
    assert.deepEqual(events.at(-1), { type: 'response.returned', data: { draftNumber: 1, level: 1, corrections: 'Perbaiki angka' } });
    const state = stateAfter(events);
    assert.equal(state.status, 'in_progress');
    assert.deepEqual(state.draft?.approvals, []);
  });
  it('refuses a return without corrections', () => {
    given(...underReview).when({ action: 'return', note: '' }, staff.head).thenRefuses('request.invalid');
  });
  it('sends the approved text to the reporter', () => {
    given(...approved).when({ action: 'send_response' }).then(sent);
  });
  it('refuses to send a response still under review', () => {
    given(...underReview).when({ action: 'send_response' }).thenRefuses('workflow.action_not_allowed', { state: 'response_review' });
  });
});

describe('corrective actions', () => {
  it('adds one with an owner and a due date, and completes it with evidence', () => {
    given(...responded).when({ action: 'add_corrective_action', description: 'Jadwal loket', ownerId: 103, dueOn: '2025-04-01' }, staff.head).then(correctiveAdded);
    given(...responded, correctiveAdded).when({ action: 'complete_corrective_action', actionId: 1, evidence: 'Foto jadwal' }, staff.handler)
      .then({ type: 'corrective_action.completed', data: { actionId: 1, evidence: 'Foto jadwal' } });
  });
  it('refuses a due date in the past or not a date', () => {
    given(...responded).when({ action: 'add_corrective_action', description: 'x', ownerId: 103, dueOn: '2025-03-09' }, staff.head).thenRefuses('request.invalid');
    given(...responded).when({ action: 'add_corrective_action', description: 'x', ownerId: 103, dueOn: '2025-02-30' }, staff.head).thenRefuses('request.invalid');
  });
  it('refuses to complete an unknown action', () => {
    given(...responded, correctiveAdded).when({ action: 'complete_corrective_action', actionId: 9, evidence: 'x' }, staff.head).thenRefuses('request.invalid');
  });
});

describe('closing, rating and appeal', () => {
  it('closes a responded case', () => {
    given(...responded).when({ action: 'close', note: 'Selesai' }).then(closed);
  });
  it('closes the case when the reporter rates the response', () => {
    given(...responded).when({ action: 'rate', rating: 4, comment: 'Cepat' }, reporter)
      .then({ type: 'reporter.rated', data: { rating: 4, comment: 'Cepat' } }, { type: 'case.closed', data: { note: null } });
  });
  it('refuses a rating of 6', () => {
    given(...responded).when({ action: 'rate', rating: 6 }, reporter).thenRefuses('request.invalid');
  });
  it('sends an appeal to the unit above the one that answered', () => {
    given(...responded, closed).when({ action: 'appeal', reasons: 'Belum puas' }, reporter)
      .then({ type: 'case.appealed', data: { reasons: 'Belum puas', fromUnitId: 10, toUnitId: 1 } });
  });
  it('keeps an appeal against the root unit with its own head', () => {
    given(...responded).when({ action: 'appeal', reasons: 'x' }, reporter, { unitPath: [10] })
      .then({ type: 'case.appealed', data: { reasons: 'x', fromUnitId: 10, toUnitId: 10 } });
  });
  it('lets the head above dispose the appealed case, and the section no longer sees it', () => {
    const appealed = given(...responded).when({ action: 'appeal', reasons: 'x' }, reporter).events();
    given(...appealed).when({ action: 'assign', unitId: 1, handlerId: 202, instructions: 'Periksa ulang' }, staff.agencyHead, { unitPath: [1] })
      .then({ type: 'case.assigned', data: { unitId: 1, handlerId: 202, teamId: null, instructions: 'Periksa ulang' } });
    given(...appealed).when({ action: 'add_note', text: 'x' }, staff.coordinator, { unitPath: [1] }).thenRefuses('complaint.not_found');
  });
});

describe('the desk, referral, merge, withdrawal and unsealing', () => {
  it('answers and closes a walk-in complaint at the desk', () => {
    const walkIn = submitted({ channel: 'walk_in' });
    given(walkIn).when({ action: 'resolve_at_desk', answer: 'Loket buka jam 8' }, staff.intake)
      .then({ type: 'case.resolved_at_desk', data: { answer: 'Loket buka jam 8' } });
    assert.equal(stateAfter([walkIn, { type: 'case.resolved_at_desk', data: { answer: 'x' } }]).status, 'closed');
  });
  it('refuses to resolve a web complaint at the desk', () => {
    given(received).when({ action: 'resolve_at_desk', answer: 'x' }, { ...staff.intake, roles: ['intake', 'coordinator'] })
      .thenRefuses('workflow.action_not_allowed');
  });
  it('refers outside the installation and ends the case there', () => {
    const to = { kind: 'agency', agency: 'Ombudsman RI', note: 'Kewenangan Ombudsman' } as const;
    given(received).when({ action: 'refer', agency: to.agency, note: to.note }, staff.head).then({ type: 'case.referred', data: { to } });
    assert.equal(stateAfter(caseIn.referred).status, 'referred');
  });
  it('refers to another unit, where the case is received again', () => {
    const events = given(received).when({ action: 'refer', unitId: 20 }, staff.head).events();
    const state = stateAfter(events);
    assert.deepEqual([state.status, state.unitId], ['received', 20]);
  });
  it('merges a duplicate into the surviving case', () => {
    given(received).when({ action: 'merge', intoId: 'c-2', intoRegisterNumber: 'ADU-2025-000002' })
      .then({ type: 'case.merged', data: { intoId: 'c-2', intoRegisterNumber: 'ADU-2025-000002' } });
  });
  it('lets the reporter and a coordinator withdraw an open case, not a closed one', () => {
    given(received).when({ action: 'withdraw', reason: 'Sudah beres' }, reporter).then({ type: 'case.withdrawn', data: { reason: 'Sudah beres' } });
    given(...inProgress).when({ action: 'withdraw', reason: 'Permintaan pelapor' }).then({ type: 'case.withdrawn', data: { reason: 'Permintaan pelapor' } });
    given(...caseIn.closed).when({ action: 'withdraw', reason: 'x' }, reporter).thenRefuses('workflow.action_not_allowed');
  });
  it('records the unsealing of a confidential identity with its reason', () => {
    given(received).when({ action: 'unseal_identity', reason: 'Panggilan saksi' }, staff.head).then({ type: 'identity.unsealed', data: { reason: 'Panggilan saksi' } });
  });
  it('has nothing to unseal for an anonymous reporter', () => {
    given(submitted({ identityMode: 'anonymous' })).when({ action: 'unseal_identity', reason: 'x' }, staff.head).thenRefuses('workflow.action_not_allowed');
  });
  it('keeps internal notes possible on a closed case', () => {
    given(...caseIn.closed).when({ action: 'add_note', text: 'Arsip' }, staff.handler).then({ type: 'case.note_added', data: { text: 'Arsip' } });
  });
  it('lets a handler message the reporter', () => {
    given(...inProgress).when({ action: 'message_reporter', text: 'Sedang diperiksa' }, staff.handler).then({ type: 'case.reporter_messaged', data: { text: 'Sedang diperiksa' } });
  });
});

describe('whistleblowing', () => {
  const bribery: CaseEvent = { type: 'case.triaged', data: { categoryCode: 'integrity.bribery', urgency: 3, impact: 3, priority: 'high', isWhistleblowing: true } };
  it('hides the case from the unit\'s own coordinator once triaged as whistleblowing', () => {
    given(received, bribery).when({ action: 'add_note', text: 'x' }).thenRefuses('complaint.not_found');
  });
  it('lets the integrity team work on it', () => {
    given(received, bribery).when({ action: 'add_note', text: 'x' }, { ...staff.coordinator, teamIds: [99] }).then({ type: 'case.note_added', data: { text: 'x' } });
  });
});

describe('whistleblowing from submission and with no integrity team', () => {
  const filedAsBribery = submitted({ categoryCode: 'integrity.bribery', isWhistleblowing: true });
  it('keeps a report filed in a whistleblowing category from the unit from its very first event', () => {
    given(filedAsBribery).when({ action: 'verify', result: 'indicated', note: 'x' }).thenRefuses('complaint.not_found');
    given(filedAsBribery).when({ action: 'verify', result: 'indicated', note: 'x' }, { ...staff.coordinator, teamIds: [99] })
      .then({ type: 'case.verified', data: { result: 'indicated', note: 'x', draftReply: null } });
  });
  it('refuses to triage into a whistleblowing category while no integrity team member could see the case', () => {
    given(received).when({ action: 'triage', category: 'integrity.bribery', urgency: 3, impact: 2 }, staff.coordinator, { integrityReaderIds: [] })
      .thenRefuses('whistleblowing.no_integrity_team');
    given(received).when({ action: 'triage', category: 'integrity.bribery', urgency: 3, impact: 2 }, staff.coordinator, { integrityTeamIds: [] })
      .thenRefuses('whistleblowing.no_integrity_team');
  });
  it('refuses it too when every integrity team member is someone the complaint concerns', () => {
    const namedMember: CaseEvent = { type: 'case.concerned_staff_named', data: { staffIds: [901] } };
    given(received, namedMember).when({ action: 'triage', category: 'integrity.bribery', urgency: 3, impact: 2 }, staff.coordinator, { integrityReaderIds: [901] })
      .thenRefuses('whistleblowing.no_integrity_team');
  });
  it('still triages into an ordinary category with no integrity team', () => {
    given(received).when({ action: 'triage', category: 'service.time', urgency: 1, impact: 2 }, staff.coordinator, { integrityTeamIds: [], integrityReaderIds: [] })
      .then({ type: 'case.triaged', data: { categoryCode: 'service.time', urgency: 1, impact: 2, priority: 'low', isWhistleblowing: false } });
  });
});

describe('the person a complaint concerns', () => {
  const namingSomeone = submitted({ concerns: 'Pak Budi, koordinator loket' });
  it('records the staff the verifier matched to the reporter\'s words, keeping those named at intake', () => {
    const namedAtIntake: CaseEvent = { type: 'case.concerned_staff_named', data: { staffIds: [105] } };
    given(namingSomeone, namedAtIntake).when({ action: 'verify', result: 'indicated', note: 'x', concernsStaffIds: [103, 105] })
      .then(
        { type: 'case.concerned_staff_named', data: { staffIds: [105, 103] } },
        { type: 'case.verified', data: { result: 'indicated', note: 'x', draftReply: null } },
      );
  });
  it('hides the case from the matched staff member at once', () => {
    const matched = given(namingSomeone).when({ action: 'verify', result: 'indicated', note: 'x', concernsStaffIds: [102] }).events();
    given(...matched).when({ action: 'add_note', text: 'x' }, staff.head).thenRefuses('complaint.not_found');
  });
  it('asks the verifier to say who the reporter named, even if nobody on staff matches', () => {
    given(namingSomeone).when({ action: 'verify', result: 'indicated', note: 'x' }).thenRefuses('request.invalid');
    given(namingSomeone).when({ action: 'verify', result: 'indicated', note: 'x', concernsStaffIds: [] })
      .then({ type: 'case.verified', data: { result: 'indicated', note: 'x', draftReply: null } });
  });
  it('refuses a verifier who is named: another coordinator must verify the case', () => {
    given(namingSomeone).when({ action: 'verify', result: 'indicated', note: 'x', concernsStaffIds: [101] }).thenRefuses('case.verifier_concerned');
  });
});
