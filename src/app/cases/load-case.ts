import type { Kysely } from 'kysely';
import type { RecordedCaseEvent } from '../../domain/case-event.js';
import type { Facts } from '../../domain/complaint/completeness.js';
import type { ReporterIdentity } from '../../domain/complaint/identity.js';
import { DomainError } from '../../domain/domain-error.js';
import { caseFactsOf } from '../../domain/workflow/allowed-actions.js';
import { caseStateFrom, type CaseState } from '../../domain/workflow/case-state.js';
import type { WorkflowContext } from '../../domain/workflow/workflow-context.js';
import { requireCapability } from '../../domain/access/capabilities.js';
import type { StaffActor } from '../../domain/access/policy.js';
import { listCaseEvents } from '../../store/case-events.js';
import { findComplaintById, lockComplaint } from '../../store/complaints.js';
import type { ComplaintRow, Database } from '../../store/schema.js';
import type { Keys } from '../keys.js';
import { workflowContextFor } from './workflow-context-for.js';

export interface LoadedCase {
  row: ComplaintRow;
  events: RecordedCaseEvent[];
  state: CaseState;
  context: WorkflowContext;
}

/**
 * A case with its history, its folded state and its decision context. With `forUpdate` the
 * row stays locked until the transaction ends, so the decision is taken on what is stored.
 * A staff member who may not read the case (`can(viewer, 'read_case')`) gets `complaint.not_found`, as if it did not exist.
 */
export async function loadCase(
  db: Kysely<Database>,
  complaintId: string,
  options: { now: Date; forUpdate: boolean; viewer?: StaffActor },
): Promise<LoadedCase> {
  const row = options.forUpdate ? await lockComplaint(db, complaintId) : await findComplaintById(db, complaintId);
  if (row === undefined) throw new DomainError('complaint.not_found');
  const events = await listCaseEvents(db, complaintId);
  const state = caseStateFrom(events);
  const context = await workflowContextFor(db, state, options.now);
  if (options.viewer) requireCapability(options.viewer, 'read_case', caseFactsOf(state, context));
  return { row, events, state, context };
}

export function factsOf(row: ComplaintRow): Facts {
  const facts = row.facts as unknown as Partial<Facts>;
  return { what: facts.what ?? '', where: facts.where ?? '', when: facts.when ?? '', who: facts.who ?? '', how: facts.how ?? '', why: facts.why };
}

/** Decrypts the reporter's identity; only the staff view decides whether it is shown. */
export function unsealIdentity(keys: Keys, row: ComplaintRow): ReporterIdentity | null {
  if (row.identitySealed === null || row.identityMode === 'anonymous') return null;
  return JSON.parse(keys.unseal(row.identitySealed, `identity:${row.id}`).toString('utf8')) as ReporterIdentity;
}
