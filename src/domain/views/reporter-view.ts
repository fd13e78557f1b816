import type { RecordedCaseEvent } from '../case-event.js';
import type { ComplaintStatus } from '../complaint/complaint-status.js';
import type { Completeness } from '../complaint/completeness.js';
import type { DeadlineStatus } from '../service-level/deadline-status.js';
import { evolve, type CaseState } from '../workflow/case-state.js';

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

export interface ReporterView {
  registerNumber: string;
  status: ComplaintStatus;
  title: string;
  categoryCode: string | null;
  channel: string;
  submittedAt: Date;
  receivedAt: Date;
  completeness: Completeness;
  /** The service levels the reporter was promised, and where each stands (times only, never who). */
  deadlines: DeadlineStatus[];
  history: ReporterHistoryEntry[];
  attachments: ReporterAttachment[];
}

/**
 * The reporter's history: the acknowledgement first, then what happened that concerns them.
 * Written as an exhaustive switch so a new event type must decide here whether the reporter
 * sees it.
 */
export function reporterHistory(events: readonly RecordedCaseEvent[]): ReporterHistoryEntry[] {
  const history: ReporterHistoryEntry[] = [];
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
      // The response only once it is sent: drafts, approvals and returns are internal.
      case 'response.sent':
        history.push({ kind: 'message_to_reporter', at: event.occurredAt, text: event.data.text });
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
