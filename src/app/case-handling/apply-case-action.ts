import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/case-event.js';
import { DomainError } from '../../domain/domain-error.js';
import type { StaffView } from '../../domain/views/staff-view.js';
import type { CaseAction } from '../../domain/workflow/case-action.js';
import { decide } from '../../domain/workflow/decide.js';
import type { WorkflowActor } from '../../domain/workflow/workflow-context.js';
import { findComplaintById } from '../../store/complaints.js';
import { lockIntegrityGuard } from '../../store/integrity-guard.js';
import type { ComplaintRow, Database } from '../../store/schema.js';
import { findActiveStaff } from '../../store/staff-directory.js';
import { findUnitById } from '../../store/units.js';
import type { AppDeps } from '../deps.js';
import type { Keys } from '../keys.js';
import { presentStaffView } from './get-staff-view.js';
import { loadCase, unsealIdentity, type LoadedCase } from '../cases/load-case.js';
import type { StaffActor } from '../../domain/access/policy.js';
import { commitCaseEvents } from '../case-commit/commit-case-events.js';

/** An action as the API receives it: `merge` names the surviving case by id only; `publish` carries only what staff wrote. */
export type RequestedCaseAction =
  | Exclude<CaseAction, { action: 'merge' } | { action: 'publish' }>
  | { action: 'merge'; intoId: string }
  | { action: 'publish'; summary: string; publicAnswer: string };

/**
 * One workflow action, in one transaction: lock the case, fold its events, let the domain
 * decide, append the events, bring the case row (the inbox's copy of the state) up to date,
 * and queue the messages the change causes. Nothing is sent "after commit".
 */
export async function applyStaffAction(deps: AppDeps, complaintId: string, actor: StaffActor, requested: RequestedCaseAction): Promise<StaffView> {
  const loaded = await applyCaseAction(deps, complaintId, actor, requested);
  return presentStaffView(deps, actor, loaded, requested.action === 'unseal_identity');
}

/**
 * Loads the case under lock, lets the domain decide, and commits the events it decided; the
 * reporter's actions (tracking/apply-reporter-action.ts) take this path too.
 */
export async function applyCaseAction(deps: AppDeps, complaintId: string, actor: WorkflowActor, requested: RequestedCaseAction): Promise<LoadedCase> {
  const now = deps.clock.now();
  const loaded = await deps.db.transaction().execute(async (trx) => {
    // Before the integrity team is read: administration cannot empty it while this triage may make the case whistleblowing.
    if (requested.action === 'triage') await lockIntegrityGuard(trx, 'share');
    const current = await loadCase(trx, complaintId, { now, forUpdate: true, ...(actor.kind === 'staff' ? { viewer: actor } : {}) });
    const command = await resolveReferences(trx, deps.keys, current.row, requested, actor, now);
    const events = decide(current.state, command, actor, current.context);
    const eventActor: Actor = actor.kind === 'staff' ? { kind: 'staff', userId: actor.userId } : { kind: 'reporter' };
    return commitCaseEvents(deps, trx, current, eventActor, events, now);
  });
  return loaded;
}

/** Fills in what the domain needs but the caller names by id, and refuses ids that name nothing. */
async function resolveReferences(
  trx: Kysely<Database>, keys: Keys, row: ComplaintRow, requested: RequestedCaseAction, actor: WorkflowActor, now: Date,
): Promise<CaseAction> {
  const unknown = (pointer: string): never => {
    throw new DomainError('request.invalid', {}, [{ pointer, code: 'unknown' }]);
  };
  switch (requested.action) {
    case 'merge': {
      const into = requested.intoId === row.id ? undefined : await findCaseSeenBy(trx, requested.intoId, actor, now);
      if (into === undefined) return unknown('/intoId');
      return { action: 'merge', intoId: into.id, intoRegisterNumber: into.registerNumber };
    }
    case 'assign':
      if ((await findUnitById(trx, requested.unitId)) === undefined) unknown('/unitId');
      if (requested.handlerId !== undefined && (await findActiveStaff(trx, requested.handlerId)) === undefined) unknown('/handlerId');
      return requested;
    case 'refer':
      if ('unitId' in requested && (await findUnitById(trx, requested.unitId)) === undefined) unknown('/unitId');
      return requested;
    case 'add_corrective_action':
      if ((await findActiveStaff(trx, requested.ownerId)) === undefined) unknown('/ownerId');
      return requested;
    case 'verify':
      for (const [index, staffId] of (requested.concernsStaffIds ?? []).entries()) {
        if ((await findActiveStaff(trx, staffId)) === undefined) unknown(`/concernsStaffIds/${index}`);
      }
      return requested;

    case 'publish':
      // Decrypted in memory only, for the domain to keep it out of the public text; nobody is
      // shown it, so this is not an unsealing.
      return { action: 'publish', summary: requested.summary, publicAnswer: requested.publicAnswer, reporterIdentity: unsealIdentity(keys, row) };
    default:
      return requested;
  }
}

/**
 * A second case the action names, or undefined when there is none or the caller may not see
 * it: both answer alike, so naming ids cannot tell a stranger which hidden cases exist, and
 * nothing can be merged into a case the caller could not open.
 */
async function findCaseSeenBy(trx: Kysely<Database>, complaintId: string, actor: WorkflowActor, now: Date): Promise<ComplaintRow | undefined> {
  if (actor.kind !== 'staff') return findComplaintById(trx, complaintId);
  try {
    return (await loadCase(trx, complaintId, { now, forUpdate: false, viewer: actor })).row;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'complaint.not_found') return undefined;
    throw error;
  }
}
