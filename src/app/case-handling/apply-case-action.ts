import type { Kysely } from 'kysely';
import type { Actor, CaseEvent, RecordedCaseEvent } from '../../domain/case-event.js';
import { DomainError } from '../../domain/domain-error.js';
import type { ReporterView } from '../../domain/views/reporter-view.js';
import type { StaffView } from '../../domain/views/staff-view.js';
import type { CaseAction } from '../../domain/workflow/case-action.js';
import { evolve, type CaseState } from '../../domain/workflow/case-state.js';
import { decide } from '../../domain/workflow/decide.js';
import type { WorkflowActor } from '../../domain/workflow/workflow-context.js';
import { appendCaseEvents, type AppendedCaseEvent } from '../../store/case-events.js';
import { findComplaintById } from '../../store/complaints.js';
import { lockIntegrityGuard } from '../../store/integrity-guard.js';
import { enqueueOutboxMessages, type NewOutboxMessage } from '../../store/outbox.js';
import { takeNextRegisterNumber } from '../../store/register-numbers.js';
import { insertResponseLetter } from '../../store/response-letters.js';
import type { ComplaintRow, Database } from '../../store/schema.js';
import { findActiveStaff } from '../../store/staff-directory.js';
import { findUnitById } from '../../store/units.js';
import type { AppDeps } from '../deps.js';
import type { Keys } from '../keys.js';
import { getReporterView } from '../tracking/get-reporter-view.js';
import { presentStaffView } from './get-staff-view.js';
import { loadCase, unsealIdentity, type LoadedCase } from './load-case.js';
import type { StaffActor } from '../../domain/access/policy.js';
import { recordCaseDeadlines } from './record-case-deadlines.js';
import { issueResponseLetter } from '../letters/issue-response-letter.js';
import { approversWhoseTurnItIs } from '../../domain/notifications/next-actors.js';
import { findNextActors, staffMessagesFor } from '../notifications/notify-next-actors.js';

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

/** The reporter's actions (answer, rate, appeal, withdraw), with the tracking token. */
export async function applyReporterAction(deps: AppDeps, complaintId: string, requested: RequestedCaseAction): Promise<ReporterView> {
  await applyCaseAction(deps, complaintId, { kind: 'reporter' }, requested);
  return getReporterView(deps, complaintId);
}

async function applyCaseAction(deps: AppDeps, complaintId: string, actor: WorkflowActor, requested: RequestedCaseAction): Promise<LoadedCase> {
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

/**
 * Records events decided for a case whose row the transaction holds locked: appends them,
 * brings the case row and its deadlines up to date, and queues the messages they cause (plus
 * `extraMessages`, given the appended events' ids). The worker records its own events (a
 * missed deadline, an automatic closing) through here too, so they update the case the same way.
 */
export async function commitCaseEvents(
  deps: AppDeps, trx: Kysely<Database>, current: LoadedCase, actor: Actor, events: readonly CaseEvent[], now: Date,
  extraMessages: (appended: readonly AppendedCaseEvent[]) => NewOutboxMessage[] = () => [],
): Promise<LoadedCase> {
  const complaintId = current.row.id;
  const appended = await appendCaseEvents(trx, complaintId, actor, now, events);
  const recorded = events.map((event, index): RecordedCaseEvent => ({ ...event, sequence: appended[index]?.sequence ?? 0, occurredAt: now, actor }));
  const state = recorded.reduce<CaseState>((folded, event) => evolve(folded, event), current.state);
  const allEvents = [...current.events, ...recorded];
  await projectCaseRow(trx, current.row, state);
  await recordCaseDeadlines(deps, trx, current.row, current.state, state, events, allEvents, now);
  await recordResponseLetter(deps, trx, current.row, state, events, allEvents, actor, now);
  const nextActors = await findNextActors(trx, { state, events, actorUserId: actor.kind === 'staff' ? actor.userId : null, now });
  const forNextActors = staffMessagesFor(complaintId, current.row.registerNumber, nextActors, appended.map((event) => event.id));
  await enqueueOutboxMessages(trx, now, [...messagesFor(current.row, state, events, appended), ...forNextActors, ...extraMessages(appended)]);
  return { ...current, state, events: allEvents, row: (await findComplaintById(trx, complaintId)) ?? current.row };
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

/** Keeps the case row's copy of the state in step with the events, for the inbox. */
async function projectCaseRow(trx: Kysely<Database>, row: ComplaintRow, after: CaseState): Promise<void> {
  await trx.updateTable('complaints').set({
    status: after.status, unitId: after.unitId, handlerId: after.handlerId, teamId: after.teamId, priority: after.priority,
    isWhistleblowing: after.isWhistleblowing, categoryCode: after.categoryCode, concernedStaffIds: after.concernedStaffIds,
    awaitingApprovalBy: approversWhoseTurnItIs(after),
    // The public register's copy, fixed when published; cleared when withdrawn or appealed.
    publishedSummary: after.publication?.summary ?? null, publishedAt: after.publication?.publishedAt ?? null,
    publishedResponse: after.publication?.publicAnswer ?? null,
    publishedRespondedAt: after.publication === null ? null : after.answer?.at ?? null,
    publishedClosedAt: after.publication === null ? null : after.closedAt,
  }).where('id', '=', row.id).execute();
}

const romanMonths = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** A sent response gets a letter number of its own series, e.g. `12/ADUAN/XI/2026`, and its signer. */
async function recordResponseLetter(
  deps: AppDeps, trx: Kysely<Database>, row: ComplaintRow, state: CaseState, events: readonly CaseEvent[], allEvents: readonly RecordedCaseEvent[], actor: Actor, now: Date,
): Promise<void> {
  const sent = events.find((event) => event.type === 'response.sent');
  if (sent === undefined || sent.type !== 'response.sent' || actor.kind !== 'staff') return;
  const unit = await findUnitById(trx, state.unitId);
  const year = now.getUTCFullYear();
  const sequence = await takeNextRegisterNumber(trx, `LETTER:${unit?.code ?? ''}`, year);
  const draft = state.draft;
  const lastApprover = draft?.approvals.at(-1)?.approverId ?? actor.userId;
  const letter = {
    complaintId: row.id, draftNumber: sent.data.draftNumber, signedAt: now, signerId: lastApprover,
    letterNumber: `${sequence}/${unit?.code ?? 'ADUAN'}/${romanMonths[now.getUTCMonth()]}/${year}`,
  };
  await insertResponseLetter(trx, letter);
  await issueResponseLetter(deps, trx, row, allEvents, state, letter);
}

/**
 * The reporter's messages a change causes, by reference only (the sender looks up addresses):
 * the reporter hears of every change they can see. Staff are told by messagesForNextActors.
 */
function messagesFor(row: ComplaintRow, state: CaseState, events: readonly CaseEvent[], appended: readonly AppendedCaseEvent[]): NewOutboxMessage[] {
  const messages: NewOutboxMessage[] = [];
  const canReachReporter = row.identityMode !== 'anonymous';
  events.forEach((event, index) => {
    const eventId = appended[index]?.id ?? null;
    const toReporter = (template: string, data: Record<string, unknown> = {}) => {
      if (canReachReporter) messages.push({ complaintId: row.id, eventId, channel: 'email', recipient: { kind: 'reporter', complaintId: row.id }, template, data: { registerNumber: row.registerNumber, ...data } });
    };
    switch (event.type) {
      case 'case.info_requested': toReporter('case.info_requested'); break;
      case 'case.reporter_messaged': toReporter('case.message_to_reporter'); break;
      case 'case.rejected': toReporter('case.rejected'); break;
      case 'response.sent': toReporter('response.sent'); break;
      case 'case.merged': toReporter('case.merged', { intoRegisterNumber: event.data.intoRegisterNumber }); break;
      case 'case.closed': case 'case.closed_automatically': case 'case.resolved_at_desk': case 'case.referred': case 'case.withdrawn': case 'case.verified': case 'case.assigned':
        toReporter('case.status_changed', { status: state.status });
        break;
      default:
        break;
    }
  });
  // One status message per action is enough, however many events it took.
  const seen = new Set<string>();
  return messages.filter((message) => {
    const key = `${JSON.stringify(message.recipient)}:${message.template}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

