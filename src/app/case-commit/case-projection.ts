import type { Kysely, Updateable } from 'kysely';
import type { Actor, RecordedCaseEvent } from '../../domain/case-event.js';
import type { CaseState } from '../../domain/workflow/case-state.js';
import type { NewOutboxMessage } from '../../store/outbox.js';
import type { ComplaintRow, ComplaintsTable, Database } from '../../store/schema.js';
import type { AppDeps } from '../deps.js';

/** One change of a case, as every projection sees it. */
export interface CaseChange {
  complaintId: string;
  /** The case before the change; null for a new case. */
  before: CaseState | null;
  after: CaseState;
  /** This change's events, as recorded (sequence, time, actor). */
  events: readonly RecordedCaseEvent[];
  /** The case's whole history, these events included. */
  history: readonly RecordedCaseEvent[];
  actor: Actor;
  now: Date;
  /** The stored row as read under the lock; undefined for a new case, whose row is inserted with the events. */
  row: ComplaintRow | undefined;
  /** Whether the reporter can be told anything at all (an anonymous one cannot). */
  isReporterReachable: boolean;
  /** The case's unit when the caller has read it already: spares reading it again. */
  knownUnit?: { id: number; timeZone: string } | undefined;
  /** Messages the caller adds for this change (the worker's escalations and reminders), given the events' ids. */
  extraMessages?: ((eventIds: readonly (number | null)[]) => NewOutboxMessage[]) | undefined;
}

/** What is known once the events are stored. */
export interface CommittedChange {
  registerNumber: string;
  /** The stored events' ids, in the order of `CaseChange.events`. */
  eventIds: readonly (number | null)[];
}

/** Columns of the case row (the inbox's copy of the state) a projection keeps. */
export type CaseRowValues = Updateable<ComplaintsTable>;

export interface PreparedProjection {
  /** Written with the row: in one update after a change, in the insert of a new case. */
  rowValues?: CaseRowValues;
  /** The rest of the work, once the events are stored and the case has its number. */
  finish?: (committed: CommittedChange) => Promise<void>;
}

/**
 * Keeps something in step with a case's events. `prepare` runs before the events are stored
 * (for a submission, before the register counter is locked), so it may need neither the
 * register number nor the events' ids: those reach `finish`.
 */
export type CaseProjection = (deps: AppDeps, trx: Kysely<Database>, change: CaseChange) => Promise<PreparedProjection>;
