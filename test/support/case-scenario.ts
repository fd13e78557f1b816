// Test support: given(events).when(action).then(events), with no database (STYLE.md 7.4).
import type { Actor, CaseEvent, RecordedCaseEvent } from '../../src/domain/case-event.js';
import type { StaffActor } from '../../src/domain/access/policy.js';
import type { DomainErrorCode } from '../../src/domain/domain-error.js';
import { DomainError } from '../../src/domain/domain-error.js';
import type { CaseAction } from '../../src/domain/workflow/case-action.js';
import { caseStateFrom, type CaseState } from '../../src/domain/workflow/case-state.js';
import { decide } from '../../src/domain/workflow/decide.js';
import type { WorkflowActor, WorkflowContext } from '../../src/domain/workflow/workflow-context.js';

/** Unit 10 (a section) sits under unit 1 (the agency); unit 20 is a sibling section. */
export const staff = {
  coordinator: { kind: 'staff', userId: 101, unitId: 10, roles: ['coordinator'], teamIds: [] },
  head: { kind: 'staff', userId: 102, unitId: 10, roles: ['head'], teamIds: [] },
  handler: { kind: 'staff', userId: 103, unitId: 10, roles: ['handler'], teamIds: [7] },
  otherHandler: { kind: 'staff', userId: 105, unitId: 10, roles: ['handler'], teamIds: [] },
  intake: { kind: 'staff', userId: 104, unitId: 10, roles: ['intake'], teamIds: [] },
  agencyHead: { kind: 'staff', userId: 201, unitId: 1, roles: ['head'], teamIds: [] },
  auditor: { kind: 'staff', userId: 301, unitId: 1, roles: ['auditor'], teamIds: [] },
  admin: { kind: 'staff', userId: 401, unitId: 1, roles: ['admin'], teamIds: [] },
  siblingCoordinator: { kind: 'staff', userId: 501, unitId: 20, roles: ['coordinator'], teamIds: [] },
} satisfies Record<string, StaffActor>;

export const reporter: WorkflowActor = { kind: 'reporter' };

export const context: WorkflowContext = {
  now: new Date('2025-03-10T03:00:00Z'),
  unitPath: [10, 1],
  integrityTeamIds: [99],
  integrityReaderIds: [901],
  approvalChain: [{ role: 'head', unitId: 10, holderIds: [102] }, { role: 'head', unitId: 1, holderIds: [201] }],
  whistleblowingCategoryCodes: ['integrity.bribery'],
};

export function submitted(overrides: Partial<Extract<CaseEvent, { type: 'complaint.submitted' }>['data']> = {}): CaseEvent {
  return {
    type: 'complaint.submitted',
    data: {
      registerNumber: 'ADU-2025-000001', channel: 'web', identityMode: 'confidential', title: 'Loket tutup', description: 'Loket tutup jam 10',
      facts: {} as never, categoryCode: null, unitId: 10, receivedAt: '2025-03-03T02:00:00.000Z', location: null, attachmentIds: [],
      ...overrides,
    },
  };
}

export function recorded(events: readonly CaseEvent[], actor: Actor = { kind: 'system' }): RecordedCaseEvent[] {
  return events.map((event, index) => ({ ...event, sequence: index + 1, occurredAt: new Date(Date.UTC(2025, 2, 3 + index)), actor }) as RecordedCaseEvent);
}

export function stateAfter(events: readonly CaseEvent[]): CaseState {
  return caseStateFrom(recorded(events));
}

/** Canonical JSON (sorted keys): events are stored as JSON, so that is the equality that matters. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner);
}

type Outcome = { events: CaseEvent[] } | { error: unknown };

export function given(...events: CaseEvent[]) {
  return {
    when(command: CaseAction, actor: WorkflowActor = staff.coordinator, overrides: Partial<WorkflowContext> = {}) {
      let outcome: Outcome;
      try {
        outcome = { events: decide(stateAfter(events), command, actor, { ...context, ...overrides }) };
      } catch (error) {
        outcome = { error };
      }
      return {
        then(...expected: CaseEvent[]): void {
          if ('error' in outcome) throw new Error(`expected events, got a refusal: ${describe(outcome.error)}`);
          if (canonical(outcome.events) !== canonical(expected)) {
            throw new Error(`events differ\n  expected: ${canonical(expected)}\n    actual: ${canonical(outcome.events)}`);
          }
        },
        thenRefuses(code: DomainErrorCode, details?: Record<string, unknown>): void {
          if (!('error' in outcome)) throw new Error(`expected ${code}, got events: ${canonical(outcome.events)}`);
          const error = outcome.error;
          if (!(error instanceof DomainError) || error.code !== code) throw new Error(`expected ${code}, got ${describe(error)}`);
          if (details !== undefined && canonical(error.details) !== canonical({ ...error.details, ...details })) {
            throw new Error(`expected details including ${canonical(details)}, got ${canonical(error.details)}`);
          }
        },
        /** The events, for a scenario that goes on after them. */
        events(): CaseEvent[] {
          if ('error' in outcome) throw new Error(`expected events, got a refusal: ${describe(outcome.error)}`);
          return [...events, ...outcome.events];
        },
      };
    },
  };
}

function describe(error: unknown): string {
  return error instanceof DomainError ? `${error.code} ${canonical(error.details)} ${canonical(error.fields)}` : String(error);
}
