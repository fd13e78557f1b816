import type { Channel } from './complaint/channel.js';
import type { Facts } from './complaint/completeness.js';
import type { IdentityMode } from './complaint/identity.js';
import type { DeadlineKind } from './service-level/deadline-kind.js';
import type { ApprovalLevel, Finding, Priority, ReferralTarget, RejectionReason, VerificationResult } from './workflow/workflow-values.js';

/**
 * The catalogue of case events. Events are stored and hash-chained, so a `type` string is
 * never renamed and a payload field never changes meaning; add new types instead.
 * No payload ever holds reporter identity or a tracking code.
 */
export type CaseEvent =
  | {
      type: 'complaint.submitted';
      data: {
        registerNumber: string;
        channel: Channel;
        identityMode: IdentityMode;
        title: string;
        description: string;
        facts: Facts;
        categoryCode: string | null;
        unitId: number;
        receivedAt: string;
        location: { lat: number; lon: number } | null;
        /** Absent in events recorded before the public register existed: no. */
        allowPublication?: boolean;
        attachmentIds: string[];
        /** Filed under a whistleblowing category: the integrity team's from this event on. Absent before issue 10: no. */
        isWhistleblowing?: boolean;
        /** Whom the reporter says the complaint concerns, in their words (never shown to the public). Absent: nobody. */
        concerns?: string | null;
      };
    }
  | {
      type: 'reporter.attachment_added';
      data: { attachmentId: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string };
    }
  | { type: 'reporter.message_added'; data: { text: string } }
  | { type: 'complaint.intake_recorded'; data: IntakeRecord }
  // Workflow (src/domain/workflow). Staff ids appear where they are a domain fact (whose draft,
  // who approved a level); the recorded `actor` says who acted. Never reporter identity.
  | { type: 'case.verified'; data: { result: VerificationResult; note: string; draftReply: string | null } }
  | { type: 'case.info_requested'; data: { message: string } }
  | { type: 'reporter.answered'; data: { text: string } }
  | { type: 'case.rejected'; data: { reason: RejectionReason; message: string } }
  | { type: 'case.triaged'; data: { categoryCode: string; urgency: number; impact: number; priority: Priority; isWhistleblowing: boolean } }
  | { type: 'case.concerned_staff_named'; data: { staffIds: number[] } }
  | { type: 'case.assigned'; data: { unitId: number; handlerId: number | null; teamId: number | null; instructions: string } }
  | { type: 'case.started'; data: { handlerId: number } }
  | { type: 'case.note_added'; data: { text: string } }
  | { type: 'case.reporter_messaged'; data: { text: string } }
  | { type: 'response.drafted'; data: { draftNumber: number; drafterId: number; finding: Finding; text: string } }
  | { type: 'response.submitted_for_approval'; data: { draftNumber: number; chain: ApprovalLevel[] } }
  | { type: 'response.approval_level_skipped'; data: { draftNumber: number; level: number; reason: 'conflict_of_interest' } }
  | { type: 'response.approved'; data: { draftNumber: number; level: number; approverId: number; note: string } }
  | { type: 'response.returned'; data: { draftNumber: number; level: number; corrections: string } }
  | { type: 'response.sent'; data: { draftNumber: number; finding: Finding; text: string } }
  | { type: 'corrective_action.added'; data: { actionId: number; description: string; ownerId: number; dueOn: string } }
  | { type: 'corrective_action.completed'; data: { actionId: number; evidence: string } }
  | { type: 'case.resolved_at_desk'; data: { answer: string } }
  | { type: 'reporter.rated'; data: { rating: number; comment: string | null } }
  | { type: 'case.closed'; data: { note: string | null } }
  | { type: 'case.appealed'; data: { reasons: string; fromUnitId: number; toUnitId: number } }
  | { type: 'case.referred'; data: { to: ReferralTarget } }
  | { type: 'case.merged'; data: { intoId: string; intoRegisterNumber: string } }
  | { type: 'case.withdrawn'; data: { reason: string } }
  | { type: 'identity.unsealed'; data: { reason: string } }
  // The public register (src/domain/workflow/publication.ts). `case.published` holds exactly what
  // goes public: the summary and the public answer staff wrote. A later one replaces the earlier.
  // Events recorded before the public answer existed carry `response` (the reporter's answer
  // with their identity taken out) instead; it is never shown again (migration 0016).
  | { type: 'case.published'; data: { summary: string; publicAnswer?: string; response?: string } }
  | { type: 'case.unpublished'; data: { reason: string | null } }
  /**
   * A dossier of the case left the system (GET /complaints/{id}/export) in this format, with or
   * without the reporter's identity; it covers the events up to and including this one. The
   * recorded actor took it.
   */
  | { type: 'case.exported'; data: { format: 'pdf' | 'json'; includesIdentity: boolean } }
  // Service levels (src/domain/service-level), recorded by the worker with the `system` actor.
  /** A deadline passed unmet: the case is overdue and the head of its unit was told. */
  | { type: 'case.deadline_missed'; data: { kind: DeadlineKind; cycle: number; dueAt: string } }
  /** The reporter was reminded of an unanswered request for information. */
  | { type: 'case.reporter_reminded'; data: { reason: 'info_requested' } }
  /** Closed with nobody acting: no appeal within the appeal window, or no answer to a request for information. */
  | { type: 'case.closed_automatically'; data: { reason: 'appeal_window_passed' | 'no_answer' } };

/** How an officer recorded a complaint that came in person, by letter, from the box or by phone. */
export interface IntakeRecord {
  /** The seeds require an identity document to be checked for walk-in complaints. */
  identityDocumentChecked: boolean | null;
  /** A letter's number in the agenda (the incoming-mail register). */
  agendaNumber: string | null;
  /** The date written on the letter; `receivedAt` is when it arrived. */
  letterOn: string | null;
  /** The day the suggestion box was opened. */
  boxOpenedOn: string | null;
  note: string | null;
}

export type CaseEventType = CaseEvent['type'];

export type Actor = { kind: 'reporter' } | { kind: 'staff'; userId: number } | { kind: 'system' };

/** An event as it was recorded. */
export type RecordedCaseEvent = CaseEvent & { sequence: number; occurredAt: Date; actor: Actor };
