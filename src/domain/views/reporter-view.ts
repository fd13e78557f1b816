import type { RecordedCaseEvent } from '../case-event.js';
import type { ComplaintStatus } from '../complaint/complaint-status.js';
import type { Completeness, Facts } from '../complaint/completeness.js';
import type { Duration } from '../service-level/deadline.js';
import type { DeadlineStatus } from '../service-level/deadline-status.js';
import { evolve, type CaseState } from '../workflow/case-state.js';
import type { Finding } from '../workflow/workflow-values.js';

/** What a reporter may see of the history: never internal notes, never staff identities. */
export type ReporterHistoryEntry =
  | { kind: 'acknowledged'; at: Date; registerNumber: string }
  | { kind: 'status_changed'; at: Date; status: ComplaintStatus }
  | { kind: 'message_from_reporter'; at: Date; text: string }
  | { kind: 'message_to_reporter'; at: Date; text: string }
  | { kind: 'attachment_added'; at: Date; attachmentId: string; fileName: string; by: 'reporter' | 'staff' };

export interface ReporterAttachment {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  addedAt: Date;
}

/** The latest response sent, shown once on its own (it is not repeated in the history). */
export interface ReporterResponse {
  finding: Finding;
  text: string;
  sentAt: Date;
}

/** What the body promised to put right after the response, and how far it got: never who owns it, never the evidence. */
export interface ReporterCorrectiveAction {
  description: string;
  /** A calendar date (YYYY-MM-DD). */
  dueOn: string;
  status: 'open' | 'completed';
}

/** The request for information the reporter is asked to answer now, and when the case closes without an answer. */
export interface ReporterQuestion {
  text: string;
  askedAt: Date;
  /** The service-level setting for closing unanswered requests. */
  closesAfter: Duration;
  closesAt: Date;
}

export interface ReporterView {
  registerNumber: string;
  status: ComplaintStatus;
  title: string;
  /** What the reporter wrote, given back to them as they wrote it. */
  description: string;
  facts: Facts;
  categoryCode: string | null;
  channel: string;
  submittedAt: Date;
  receivedAt: Date;
  completeness: Completeness;
  /** The service levels the reporter was promised, and where each stands (times only, never who). */
  deadlines: DeadlineStatus[];
  history: ReporterHistoryEntry[];
  attachments: ReporterAttachment[];
  response: ReporterResponse | null;
  correctiveActions: ReporterCorrectiveAction[];
  question: ReporterQuestion | null;
}

/** The latest response sent, if any. */
export function reporterResponse(events: readonly RecordedCaseEvent[]): ReporterResponse | null {
  const sent = latestResponse(events);
  return sent === undefined ? null : { finding: sent.data.finding, text: sent.data.text, sentAt: sent.occurredAt };
}

function latestResponse(events: readonly RecordedCaseEvent[]) {
  const sent = [...events].sort((a, b) => a.sequence - b.sequence).findLast((event) => event.type === 'response.sent');
  return sent?.type === 'response.sent' ? sent : undefined;
}

/** The corrective actions as the case's own fold keeps them, in the order they were added. */
export function reporterCorrectiveActions(state: CaseState): ReporterCorrectiveAction[] {
  return state.correctiveActions.map((action) => ({ description: action.description, dueOn: action.dueOn, status: action.isCompleted ? 'completed' : 'open' }));
}

/**
 * The reporter's history: the acknowledgement first, then what happened that concerns them.
 * Written as an exhaustive switch so a new event type must decide here whether the reporter
 * sees it.
 */
export function reporterHistory(events: readonly RecordedCaseEvent[]): ReporterHistoryEntry[] {
  const history: ReporterHistoryEntry[] = [];
  const shownApart = latestResponse(events)?.sequence;
  let state: CaseState | null = null;
  for (const event of [...events].sort((a, b) => a.sequence - b.sequence)) {
    // Every status change is the reporter's to see, including the ones inside the approval chain
    // (issue 4); the fold is the same one that decides the case, so the two cannot disagree.
    const statusBefore = state?.status;
    state = evolve(state, event);
    if (statusBefore !== undefined && state.status !== statusBefore) {
      history.push({ kind: 'status_changed', at: event.occurredAt, status: state.status });
    }
    switch (event.type) {
      case 'complaint.submitted':
        history.push({ kind: 'acknowledged', at: event.occurredAt, registerNumber: event.data.registerNumber });
        break;
      case 'reporter.attachment_added':
        history.push({
          kind: 'attachment_added', at: event.occurredAt, attachmentId: event.data.attachmentId,
          fileName: event.data.fileName, by: event.actor.kind === 'staff' ? 'staff' : 'reporter',
        });
        break;
      case 'reporter.message_added':
      case 'reporter.answered':
        history.push({ kind: 'message_from_reporter', at: event.occurredAt, text: event.data.text });
        break;
      case 'case.appealed':
        history.push({ kind: 'message_from_reporter', at: event.occurredAt, text: event.data.reasons });
        break;
      case 'reporter.rated':
        if (event.data.comment !== null) history.push({ kind: 'message_from_reporter', at: event.occurredAt, text: event.data.comment });
        break;
      case 'case.info_requested':
        history.push({ kind: 'message_to_reporter', at: event.occurredAt, text: event.data.message });
        break;
      case 'case.rejected':
        history.push({ kind: 'message_to_reporter', at: event.occurredAt, text: event.data.message });
        break;
      case 'case.reporter_messaged':
        history.push({ kind: 'message_to_reporter', at: event.occurredAt, text: event.data.text });
        break;
      // The response only once it is sent: drafts, approvals and returns are internal. The latest
      // is the view's `response`, shown once; an earlier one (before an appeal) stays a message.
      case 'response.sent':
        if (event.sequence !== shownApart) history.push({ kind: 'message_to_reporter', at: event.occurredAt, text: event.data.text });
        break;
      case 'case.resolved_at_desk':
        history.push({ kind: 'message_to_reporter', at: event.occurredAt, text: event.data.answer });
        break;
      // The duplicate's reporter is told where their complaint now lives.
      case 'case.merged':
        history.push({ kind: 'message_to_reporter', at: event.occurredAt, text: event.data.intoRegisterNumber });
        break;
      // Status only (pushed above), or nothing: verification notes, draft replies, priorities,
      // names of staff concerned, dispositions and instructions, handlers, internal notes, drafts,
      // approvals, corrections, corrective actions, closing notes, referral notes, withdrawal reasons (staff may have recorded them), unsealing and exports
      // are internal.
      case 'complaint.intake_recorded':
      case 'case.verified':
      case 'case.triaged':
      case 'case.concerned_staff_named':
      case 'case.assigned':
      case 'case.started':
      case 'case.note_added':
      case 'response.drafted':
      case 'response.submitted_for_approval':
      case 'response.approval_level_skipped':
      case 'response.approved':
      case 'response.returned':
      case 'corrective_action.added':
      case 'corrective_action.completed':
      case 'case.closed':
      case 'case.referred':
      case 'case.withdrawn':
      case 'identity.unsealed':
      case 'case.deadline_missed': // the reporter sees deadlines in `deadlines`
      case 'case.reporter_reminded': // the reminder reached them by mail
      case 'case.closed_automatically': // shows as the status change above
      case 'case.exported':
      case 'case.published': // public already: the reporter, who allowed it, finds it on /publik
      case 'case.unpublished':
        break;
      default: {
        const unhandled: never = event;
        throw new Error(`reporterHistory: unhandled event ${JSON.stringify(unhandled)}`);
      }
    }
  }
  return history;
}
