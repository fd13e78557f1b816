import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseEvent, RecordedCaseEvent } from '../case-event.js';
import { caseStateFrom, type CaseState } from '../workflow/case-state.js';
import { reporterNotices } from './reporter-notices.js';

const submitted: CaseEvent = {
  type: 'complaint.submitted',
  data: {
    registerNumber: 'ADU-2025-000001', channel: 'web', identityMode: 'confidential', title: 'Loket tutup', description: 'Loket tutup jam 10',
    facts: { what: 'Loket tutup', where: 'Kantor', when: 'Senin', who: 'Petugas', how: 'Tutup' }, categoryCode: null, unitId: 10,
    receivedAt: '2025-03-03T02:00:00.000Z', location: null, attachmentIds: [], allowPublication: false,
  },
};

function stateAfter(...events: CaseEvent[]): CaseState {
  return caseStateFrom(events.map((event, index): RecordedCaseEvent => ({ ...event, sequence: index + 1, occurredAt: new Date('2025-03-03T02:00:00Z'), actor: { kind: 'reporter' } })));
}

describe('what the reporter is told', () => {
  it('a new complaint is acknowledged to a reporter who can be reached', () => {
    assert.deepEqual(reporterNotices([submitted], stateAfter(submitted), true), [{ template: 'complaint.acknowledged', eventIndex: 0, data: {} }]);
  });

  it('a reporter who cannot be reached is told nothing', () => {
    assert.deepEqual(reporterNotices([submitted], stateAfter(submitted), false), []);
  });

  it('a verification tells the reporter the new status', () => {
    const verified: CaseEvent = { type: 'case.verified', data: { result: 'indicated', note: 'Ada indikasi', draftReply: null } };
    assert.deepEqual(reporterNotices([verified], stateAfter(submitted, verified), true), [{ template: 'case.status_changed', eventIndex: 0, data: { status: 'verified' } }]);
  });

  it('an action that took several status-changing events sends one status message, for the first of them', () => {
    const verified: CaseEvent = { type: 'case.verified', data: { result: 'indicated', note: 'Ada indikasi', draftReply: null } };
    const assigned: CaseEvent = { type: 'case.assigned', data: { unitId: 10, handlerId: 103, teamId: null, instructions: 'Periksa loket' } };
    const notices = reporterNotices([verified, assigned], stateAfter(submitted, verified, assigned), true);
    assert.deepEqual(notices.map(({ template, eventIndex }) => ({ template, eventIndex })), [{ template: 'case.status_changed', eventIndex: 0 }]);
  });

  it('a merge names the case it went into', () => {
    const merged: CaseEvent = { type: 'case.merged', data: { intoId: 'x', intoRegisterNumber: 'ADU-2025-000002' } };
    const [notice] = reporterNotices([merged], stateAfter(submitted), true);
    assert.deepEqual(notice, { template: 'case.merged', eventIndex: 0, data: { intoRegisterNumber: 'ADU-2025-000002' } });
  });

  it('the reporter’s own additions and internal notes tell the reporter nothing', () => {
    const added: CaseEvent = { type: 'reporter.message_added', data: { text: 'Tambahan' } };
    assert.deepEqual(reporterNotices([added], stateAfter(submitted, added), true), []);
  });
});
