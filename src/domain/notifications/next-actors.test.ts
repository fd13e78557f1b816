import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseEvent } from '../case-event.js';
import { context, stateAfter, submitted } from '../../../test/support/case-scenario.js';
import { nextActors, type StaffNotice } from './next-actors.js';

const received = submitted();
const verified: CaseEvent = { type: 'case.verified', data: { result: 'indicated', note: 'Ada indikasi', draftReply: null } };
const assigned: CaseEvent = { type: 'case.assigned', data: { unitId: 10, handlerId: 103, teamId: null, instructions: 'Periksa loket' } };
const started: CaseEvent = { type: 'case.started', data: { handlerId: 103 } };
const drafted: CaseEvent = { type: 'response.drafted', data: { draftNumber: 1, drafterId: 103, finding: 'substantiated', text: 'Kami mohon maaf.' } };
const inReview: CaseEvent = { type: 'response.submitted_for_approval', data: { draftNumber: 1, chain: [...context.approvalChain] } };
const approvedBySection: CaseEvent = { type: 'response.approved', data: { draftNumber: 1, level: 0, approverId: 102, note: 'Setuju' } };
const approvedByAgency: CaseEvent = { type: 'response.approved', data: { draftNumber: 1, level: 1, approverId: 201, note: 'Setuju' } };
const returned: CaseEvent = { type: 'response.returned', data: { draftNumber: 1, level: 1, corrections: 'Lengkapi' } };

/** What the newest events call for, given everything before them. */
function after(history: readonly CaseEvent[], ...events: CaseEvent[]): Pick<StaffNotice, 'template' | 'to'>[] {
  return nextActors(events, stateAfter([...history, ...events])).map(({ template, to }) => ({ template, to }));
}

describe('who must act next', () => {
  it('a new complaint: the coordinators of its unit or above, else its head', () => {
    assert.deepEqual(after([], received), [{
      template: 'complaint.new',
      to: [{ kind: 'role_in_unit', role: 'coordinator', unitId: 10, orAbove: true }, { kind: 'role_in_unit', role: 'head', unitId: 10 }],
    }]);
  });

  it('a disposition: the handler named; without one, the team; without either, the unit’s handlers', () => {
    assert.deepEqual(after([received, verified], assigned), [{ template: 'case.assigned_to_you', to: [{ kind: 'users', userIds: [103] }] }]);
    const toTeam: CaseEvent = { type: 'case.assigned', data: { unitId: 10, handlerId: null, teamId: 7, instructions: '' } };
    assert.deepEqual(after([received, verified], toTeam), [{ template: 'case.assigned_to_you', to: [{ kind: 'team', teamId: 7 }] }]);
    const toUnit: CaseEvent = { type: 'case.assigned', data: { unitId: 11, handlerId: null, teamId: null, instructions: '' } };
    assert.deepEqual(after([received, verified], toUnit), [{ template: 'case.assigned_to_you', to: [{ kind: 'role_in_unit', role: 'handler', unitId: 11 }] }]);
  });

  it('a draft: each level’s approvers in turn, then the coordinators who send it; a return goes to the drafter', () => {
    const inProgress = [received, verified, assigned, started, drafted];
    assert.deepEqual(after(inProgress, inReview), [{ template: 'response.awaiting_your_approval', to: [{ kind: 'users', userIds: [102] }] }]);
    assert.deepEqual(after([...inProgress, inReview], approvedBySection), [{ template: 'response.awaiting_your_approval', to: [{ kind: 'users', userIds: [201] }] }]);
    assert.deepEqual(after([...inProgress, inReview, approvedBySection], approvedByAgency), [{
      template: 'response.ready_to_send',
      to: [{ kind: 'role_in_unit', role: 'coordinator', unitId: 10, orAbove: true }, { kind: 'role_in_unit', role: 'head', unitId: 10 }],
    }]);
    assert.deepEqual(after([...inProgress, inReview, approvedBySection], returned), [{ template: 'response.returned', to: [{ kind: 'users', userIds: [103] }] }]);
  });

  it('the reporter’s answer: whoever holds the case; a whistleblowing case nobody holds: the integrity team', () => {
    const asked: CaseEvent = { type: 'case.info_requested', data: { message: 'Jam berapa?' } };
    const answered: CaseEvent = { type: 'reporter.answered', data: { text: 'Jam 10' } };
    assert.equal(after([received, asked], answered)[0]?.to[0]?.kind, 'role_in_unit');
    const triaged: CaseEvent = { type: 'case.triaged', data: { categoryCode: 'integrity.bribery', urgency: 3, impact: 3, priority: 'high', isWhistleblowing: true } };
    const message: CaseEvent = { type: 'reporter.message_added', data: { text: 'Ada rekaman' } };
    assert.deepEqual(after([received, triaged], message), [{ template: 'reporter.message_added', to: [{ kind: 'integrity_team' }] }]);
  });

  it('tells nobody of a change nobody must act on, and each person once per action', () => {
    const note: CaseEvent = { type: 'case.note_added', data: { text: 'Catatan' } };
    assert.deepEqual(after([received], note), []);
    const twoFiles: CaseEvent[] = [1, 2].map((n) => ({
      type: 'reporter.attachment_added', data: { attachmentId: `a${n}`, fileName: `${n}.png`, mediaType: 'image/png', sizeBytes: 1, sha256: 'x' },
    }) as CaseEvent);
    assert.equal(after([received], ...twoFiles).length, 1);
  });
});
