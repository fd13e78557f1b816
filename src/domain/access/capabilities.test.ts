import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseEvent, RecordedCaseEvent } from '../case-event.js';
import { DomainError } from '../domain-error.js';
import { caseStateFrom } from '../workflow/case-state.js';
import type { WorkflowContext } from '../workflow/workflow-context.js';
import { can, requireCapability, type AccessActor, type CaseActionResource } from './capabilities.js';
import { staffRoles, type CaseFacts, type StaffActor, type StaffRole } from './policy.js';

// Unit 10 (a section) under unit 1 (the agency); the integrity team is team 99.
const member = (role: StaffRole, overrides: Partial<StaffActor> = {}): StaffActor => ({ kind: 'staff', userId: 7, unitId: 10, roles: [role], teamIds: [], ...overrides });
const system: AccessActor = { kind: 'system' };
const reporter: AccessActor = { kind: 'reporter' };

const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  unitPath: [10, 1], handlerId: null, teamId: null, isWhistleblowing: false, integrityTeamIds: [99], concernedStaffIds: [], ...overrides,
});

const context: WorkflowContext = {
  now: new Date('2025-03-10T03:00:00Z'), unitPath: [10, 1], integrityTeamIds: [99], integrityReaderIds: [901],
  approvalChain: [{ role: 'head', unitId: 10, holderIds: [102] }], whistleblowingCategoryCodes: ['integrity.bribery'],
};

function received(overrides: { isWhistleblowing?: boolean; identityMode?: 'confidential' | 'anonymous' } = {}): CaseActionResource {
  const submitted: CaseEvent = {
    type: 'complaint.submitted',
    data: {
      registerNumber: 'ADU-2025-000001', channel: 'web', identityMode: overrides.identityMode ?? 'confidential', title: 'Loket tutup', description: 'Loket tutup jam 10',
      facts: {} as never, categoryCode: null, unitId: 10, receivedAt: '2025-03-03T02:00:00.000Z', location: null, attachmentIds: [],
      isWhistleblowing: overrides.isWhistleblowing ?? false,
    },
  };
  const events = [submitted, ...(overrides.isWhistleblowing ? [] : [{ type: 'case.verified', data: { result: 'indicated', note: 'x', draftReply: null } } as CaseEvent])];
  const recorded = events.map((event, index) => ({ ...event, sequence: index + 1, occurredAt: new Date(Date.UTC(2025, 2, 3 + index)), actor: { kind: 'system' } }) as RecordedCaseEvent);
  return { state: caseStateFrom(recorded), context };
}

describe('what each role may do outside a case', () => {
  // role -> the capabilities it holds; every other one is refused with auth.forbidden.
  const expected: Record<StaffRole, string[]> = {
    admin: ['configure', 'read_audit_log', 'read_failed_jobs'],
    auditor: ['read_audit_log', 'export_inbox'],
    intake: ['record_intake', 'export_inbox'],
    coordinator: ['record_intake', 'export_inbox'],
    head: ['export_inbox'],
    handler: ['export_inbox'],
  };
  const capabilities = ['configure', 'read_audit_log', 'read_failed_jobs', 'record_intake', 'export_inbox'] as const;
  for (const role of staffRoles) {
    for (const capability of capabilities) {
      const isExpected = expected[role].includes(capability);
      it(`${isExpected ? 'lets' : 'forbids'} a ${role} ${capability.replaceAll('_', ' ')}`, () => {
        const decision = can(member(role), capability);
        assert.equal(decision.isAllowed, isExpected);
        if (!decision.isAllowed) assert.equal(decision.code, 'auth.forbidden');
      });
    }
  }
  it('names the roles that would do, as the role check of the administration routes does', () => {
    assert.deepEqual(can(member('handler'), 'configure'), { isAllowed: false, reason: 'lacks_role', code: 'auth.forbidden', details: { required: ['admin'] } });
    assert.deepEqual(can(member('handler'), 'read_audit_log'), { isAllowed: false, reason: 'lacks_role', code: 'auth.forbidden', details: { required: ['admin', 'auditor'] } });
  });
  it('lets the system configure and read the audit log, but not record intake or export', () => {
    assert.equal(can(system, 'configure').isAllowed, true);
    assert.equal(can(system, 'read_audit_log').isAllowed, true);
    assert.equal(can(system, 'record_intake').isAllowed, false);
    assert.equal(can(system, 'export_inbox').isAllowed, false);
  });
  it('lets a reporter do none of it', () => {
    for (const capability of capabilities) assert.equal(can(reporter, capability).isAllowed, false);
  });
  it('refuses an inbox export to an administrator with a 403 rather than an empty file', () => {
    assert.deepEqual(can(member('admin'), 'export_inbox'), {
      isAllowed: false, reason: 'no_case_role', code: 'auth.forbidden', details: { required: ['intake', 'coordinator', 'head', 'handler', 'auditor'] },
    });
  });
  it('grants a capability when any one of several roles holds it', () => {
    assert.equal(can(member('handler', { roles: ['handler', 'admin'] }), 'configure').isAllowed, true);
  });
});

describe('reading and exporting a case', () => {
  for (const role of staffRoles) {
    const isExpected = role !== 'admin';
    it(`${isExpected ? 'lets' : 'does not let'} a ${role} of the case's unit read and export it`, () => {
      assert.equal(can(member(role), 'read_case', facts()).isAllowed, isExpected);
      assert.equal(can(member(role), 'export_case', facts()).isAllowed, isExpected);
    });
  }
  it('answers not found to staff the complaint concerns, and says it was a conflict of interest', () => {
    assert.deepEqual(can(member('head'), 'read_case', facts({ concernedStaffIds: [7] })), { isAllowed: false, reason: 'conflict_of_interest', code: 'complaint.not_found', details: {} });
    assert.deepEqual(can(member('auditor'), 'export_case', facts({ concernedStaffIds: [7] })), { isAllowed: false, reason: 'conflict_of_interest', code: 'complaint.not_found', details: {} });
  });
  it('answers not found to the unit\'s own staff for a whistleblowing case, and lets the integrity team in', () => {
    assert.deepEqual(can(member('coordinator'), 'read_case', facts({ isWhistleblowing: true })), { isAllowed: false, reason: 'whistleblowing', code: 'complaint.not_found', details: {} });
    assert.equal(can(member('handler', { unitId: 20, teamIds: [99] }), 'export_case', facts({ isWhistleblowing: true })).isAllowed, true);
  });
  it('answers not found to staff of another unit', () => {
    assert.equal(can(member('coordinator', { unitId: 20 }), 'read_case', facts()).isAllowed, false);
  });
  it('reads no case for the system or the reporter here: the reporter reads theirs through the tracking code', () => {
    assert.equal(can(system, 'read_case', facts()).isAllowed, false);
    assert.equal(can(reporter, 'read_case', facts()).isAllowed, false);
  });
});

describe('case actions, unsealing among them, as the workflow guard decides', () => {
  it('lets the head of the unit unseal a confidential reporter', () => {
    assert.equal(can(member('head', { userId: 102 }), 'unseal_identity', received()).isAllowed, true);
  });
  it('forbids unsealing to a coordinator, naming the action', () => {
    assert.deepEqual(can(member('coordinator'), 'unseal_identity', received()), { isAllowed: false, reason: 'case_guard', code: 'workflow.forbidden', details: { action: 'unseal_identity' } });
  });
  it('has nothing to unseal for an anonymous reporter, and names the actions allowed now', () => {
    const decision = can(member('head'), 'unseal_identity', received({ identityMode: 'anonymous' }));
    assert.equal(decision.isAllowed, false);
    if (!decision.isAllowed) {
      assert.equal(decision.code, 'workflow.action_not_allowed');
      assert.deepEqual(decision.details, { action: 'unseal_identity', state: 'verified', allowed: ['assign', 'add_note', 'refer'] });
    }
  });
  it('answers not found to a head the complaint concerns, for unsealing as for reading', () => {
    const resource = received();
    const concerned = { ...resource, state: { ...resource.state, concernedStaffIds: [7] } };
    assert.deepEqual(can(member('head'), 'unseal_identity', concerned), { isAllowed: false, reason: 'conflict_of_interest', code: 'complaint.not_found', details: {} });
  });
  it('answers not found to the unit\'s head for a whistleblowing case, and lets the integrity team\'s head unseal it', () => {
    const decision = can(member('head'), 'add_note', received({ isWhistleblowing: true }));
    assert.equal(decision.isAllowed, false);
    if (!decision.isAllowed) assert.deepEqual([decision.reason, decision.code], ['whistleblowing', 'complaint.not_found']);
    assert.equal(can(member('head', { teamIds: [99] }), 'unseal_identity', received({ isWhistleblowing: true })).isAllowed, true);
  });
  it('lets the reporter withdraw, and never lets the system act on a case', () => {
    assert.equal(can(reporter, 'withdraw', received()).isAllowed, true);
    assert.deepEqual(can(system, 'withdraw', received()), { isAllowed: false, reason: 'not_staff', code: 'workflow.forbidden', details: { action: 'withdraw' } });
  });
});

describe('requiring a capability', () => {
  it('throws the refusal as the DomainError the API answers with', () => {
    assert.throws(() => requireCapability(member('auditor'), 'configure'), (error: unknown) =>
      error instanceof DomainError && error.code === 'auth.forbidden' && JSON.stringify(error.details) === '{"required":["admin"]}');
  });
  it('returns quietly when the actor may', () => {
    assert.doesNotThrow(() => requireCapability(member('admin'), 'configure'));
  });
});
