import type { Kysely } from 'kysely';
import type { Actor, CaseEvent, RecordedCaseEvent } from '../../domain/case-event.js';
import { caseStateFrom, evolve, type CaseState } from '../../domain/workflow/case-state.js';
import { appendCaseEvents, startCaseEvents } from '../../store/case-events.js';
import { findComplaintById } from '../../store/complaints.js';
import type { NewOutboxMessage } from '../../store/outbox.js';
import type { Database } from '../../store/schema.js';
import type { LoadedCase } from '../cases/load-case.js';
import type { AppDeps } from '../deps.js';
import type { CaseChange, CaseRowValues, CommittedChange, PreparedProjection } from './case-projection.js';
import { caseProjections } from './projections.js';

/**
 * Records events decided for a case whose row the transaction holds locked: appends them,
 * then runs every registered projection (the case row, its deadlines, the response letter,
 * the messages they cause, plus `extraMessages`, given the appended events' ids). Staff and
 * reporter actions, the reporter's additions and the worker's own events (a missed deadline,
 * an automatic closing) all pass here. Nothing is sent "after commit": messages are queued.
 */
export async function commitCaseEvents(
  deps: AppDeps, trx: Kysely<Database>, current: LoadedCase, actor: Actor, events: readonly CaseEvent[], now: Date,
  extraMessages?: (eventIds: readonly (number | null)[]) => NewOutboxMessage[],
): Promise<LoadedCase> {
  const { row } = current;
  const appended = await appendCaseEvents(trx, row.id, actor, now, events);
  const recorded = events.map((event, index): RecordedCaseEvent => ({ ...event, sequence: appended[index]?.sequence ?? 0, occurredAt: now, actor }));
  const after = recorded.reduce<CaseState>((folded, event) => evolve(folded, event), current.state);
  const history = [...current.events, ...recorded];
  const change: CaseChange = {
    complaintId: row.id, before: current.state, after, events: recorded, history, actor, now, row,
    isReporterReachable: row.identityMode !== 'anonymous', extraMessages,
  };
  const prepared = await prepareProjections(deps, trx, change);
  await trx.updateTable('complaints').set(rowValuesOf(prepared)).where('id', '=', row.id).execute();
  await finishProjections(prepared, { registerNumber: row.registerNumber, eventIds: appended.map((event) => event.id) });
  return { ...current, state: after, events: history, row: (await findComplaintById(trx, row.id)) ?? current.row };
}

export interface NewCase {
  complaintId: string;
  actor: Actor;
  now: Date;
  /** The case's first events; the register number in `complaint.submitted` is filled in by `insert`. */
  events: readonly CaseEvent[];
  isReporterReachable: boolean;
  knownUnit?: { id: number; timeZone: string } | undefined;
  /**
   * The short part every submission queues for: takes the register number, inserts the case
   * row with the projections' columns, and returns the number and the events as stored.
   */
  insert: (rowValues: CaseRowValues) => Promise<{ registerNumber: string; events: readonly CaseEvent[] }>;
}

/**
 * The same pipeline for a case that does not exist yet: its events start at 1, and every
 * projection prepares its work first (deadlines planned and saved, who is told worked out),
 * so that from the moment `insert` takes the register number to commit only rows are written.
 */
export async function commitNewCase(deps: AppDeps, trx: Kysely<Database>, newCase: NewCase): Promise<{ registerNumber: string; eventIds: number[] }> {
  const { complaintId, actor, now } = newCase;
  const history = newCase.events.map((event, index): RecordedCaseEvent => ({ ...event, sequence: index + 1, occurredAt: now, actor }));
  const change: CaseChange = {
    complaintId, before: null, after: caseStateFrom(history), events: history, history, actor, now, row: undefined,
    isReporterReachable: newCase.isReporterReachable, knownUnit: newCase.knownUnit,
  };
  const prepared = await prepareProjections(deps, trx, change);
  const { registerNumber, events } = await newCase.insert(rowValuesOf(prepared));
  const started = await startCaseEvents(trx, complaintId, actor, now, events);
  const eventIds = started.map((event) => event.id);
  await finishProjections(prepared, { registerNumber, eventIds });
  return { registerNumber, eventIds };
}

async function prepareProjections(deps: AppDeps, trx: Kysely<Database>, change: CaseChange): Promise<PreparedProjection[]> {
  const prepared: PreparedProjection[] = [];
  for (const project of caseProjections) prepared.push(await project(deps, trx, change));
  return prepared;
}

function rowValuesOf(prepared: readonly PreparedProjection[]): CaseRowValues {
  return prepared.reduce<CaseRowValues>((values, step) => ({ ...values, ...step.rowValues }), {});
}

async function finishProjections(prepared: readonly PreparedProjection[], committed: CommittedChange): Promise<void> {
  for (const step of prepared) await step.finish?.(committed);
}
