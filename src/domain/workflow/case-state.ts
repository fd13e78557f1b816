import type { RecordedCaseEvent } from '../case-event.js';
import type { Channel } from '../complaint/channel.js';
import type { ComplaintStatus } from '../complaint/complaint-status.js';
import type { IdentityMode } from '../complaint/identity.js';
import type { ApprovalLevel, Finding, Priority, VerificationResult } from './workflow-values.js';

/** The response being written, and how far it has come up its approval chain. */
export interface ResponseDraft {
  draftNumber: number;
  drafterId: number;
  finding: Finding;
  text: string;
  /** The chain as resolved when the draft was submitted; null while it is still being written. */
  chain: ApprovalLevel[] | null;
  /** The level now waiting to approve (an index into `chain`). */
  currentLevel: number;
  approvals: { level: number; approverId: number }[];
  skippedLevels: number[];
}

export interface CorrectiveAction {
  actionId: number;
  description: string;
  ownerId: number;
  dueOn: string;
  isCompleted: boolean;
}

/** All a decision needs to know about a case: the fold of its events. */
export interface CaseState {
  status: ComplaintStatus;
  /** Where the case returns when the reporter answers a request for information. */
  statusBeforeInfoRequest: ComplaintStatus | null;
  channel: Channel;
  identityMode: IdentityMode;
  categoryCode: string | null;
  unitId: number;
  handlerId: number | null;
  teamId: number | null;
  verification: { result: VerificationResult; note: string } | null;
  priority: Priority | null;
  isWhistleblowing: boolean;
  /** Whom the reporter says the complaint concerns, in their words; staff match it to accounts at verification. */
  concerns: string | null;
  /** Staff the complaint names or concerns: they may not see it, nor approve its response. */
  concernedStaffIds: number[];
  draft: ResponseDraft | null;
  draftCount: number;
  correctiveActions: CorrectiveAction[];
  isRated: boolean;
  /** The reporter allowed publication once resolved (asked on the form, frozen with the content). */
  allowsPublication: boolean;
  /** The answer the reporter was given (a sent response or an answer at the desk); an appeal reopens the question. */
  answer: { text: string; at: Date } | null;
  /** When the case was last closed; null while it is open (again). */
  closedAt: Date | null;
  /** What the public register shows of the case, if it is published. */
  publication: Publication | null;
}

export interface Publication {
  summary: string;
  /** The answer staff wrote for the public; null for a publication older than it (never the response). */
  publicAnswer: string | null;
  publishedAt: Date;
}

/** Folds one recorded event into the state. The first event of every case is `complaint.submitted`. */
export function evolve(state: CaseState | null, event: RecordedCaseEvent): CaseState {
  if (event.type === 'complaint.submitted') {
    return {
      status: 'received', statusBeforeInfoRequest: null, channel: event.data.channel, identityMode: event.data.identityMode,
      categoryCode: event.data.categoryCode, unitId: event.data.unitId, handlerId: null, teamId: null, verification: null,
      priority: null, isWhistleblowing: event.data.isWhistleblowing ?? false, concerns: event.data.concerns ?? null, concernedStaffIds: [], draft: null, draftCount: 0, correctiveActions: [], isRated: false,
      allowsPublication: event.data.allowPublication ?? false, answer: null, closedAt: null, publication: null,
    };
  }
  if (state === null) throw new Error(`evolve: ${event.type} before complaint.submitted`);
  switch (event.type) {
    case 'reporter.attachment_added':
    case 'reporter.message_added':
    case 'complaint.intake_recorded':
    case 'case.note_added':
    case 'case.reporter_messaged':
    case 'identity.unsealed':
    case 'case.exported':
    case 'case.deadline_missed':
    case 'case.reporter_reminded':
      return state;
    case 'case.verified':
      return { ...state, status: 'verified', verification: { result: event.data.result, note: event.data.note } };
    case 'case.info_requested':
      return { ...state, status: 'needs_info', statusBeforeInfoRequest: state.status };
    case 'reporter.answered':
      return { ...state, status: state.statusBeforeInfoRequest ?? 'received', statusBeforeInfoRequest: null };
    case 'case.rejected':
      return { ...state, status: 'rejected' };
    case 'case.triaged':
      return { ...state, categoryCode: event.data.categoryCode, priority: event.data.priority, isWhistleblowing: event.data.isWhistleblowing };
    case 'case.concerned_staff_named':
      return { ...state, concernedStaffIds: [...event.data.staffIds] };
    case 'case.assigned':
      return { ...state, status: 'assigned', unitId: event.data.unitId, handlerId: event.data.handlerId, teamId: event.data.teamId };
    case 'case.started':
      return { ...state, status: 'in_progress', handlerId: event.data.handlerId };
    case 'response.drafted':
      return {
        ...state, draftCount: Math.max(state.draftCount, event.data.draftNumber),
        draft: {
          draftNumber: event.data.draftNumber, drafterId: event.data.drafterId, finding: event.data.finding, text: event.data.text,
          chain: null, currentLevel: 0, approvals: [], skippedLevels: [],
        },
      };
    case 'response.submitted_for_approval': {
      const draft = requireDraft(state, event);
      const chain = event.data.chain.map((level) => ({ ...level, holderIds: [...level.holderIds] }));
      return { ...state, status: chain.length === 0 ? 'response_approved' : 'response_review', draft: { ...draft, chain, currentLevel: 0 } };
    }
    case 'response.approval_level_skipped': {
      const draft = requireDraft(state, event);
      return advance(state, { ...draft, skippedLevels: [...draft.skippedLevels, event.data.level] }, event.data.level);
    }
    case 'response.approved': {
      const draft = requireDraft(state, event);
      return advance(state, { ...draft, approvals: [...draft.approvals, { level: event.data.level, approverId: event.data.approverId }] }, event.data.level);
    }
    case 'response.returned': {
      const draft = requireDraft(state, event);
      return { ...state, status: 'in_progress', draft: { ...draft, chain: null, currentLevel: 0, approvals: [], skippedLevels: [] } };
    }
    case 'response.sent':
      return { ...state, status: 'responded', answer: { text: event.data.text, at: event.occurredAt } };
    case 'corrective_action.added':
      return { ...state, correctiveActions: [...state.correctiveActions, { ...event.data, isCompleted: false }] };
    case 'corrective_action.completed':
      return {
        ...state,
        correctiveActions: state.correctiveActions.map((action) => action.actionId === event.data.actionId ? { ...action, isCompleted: true } : action),
      };
    case 'case.resolved_at_desk':
      return { ...state, status: 'closed', answer: { text: event.data.answer, at: event.occurredAt }, closedAt: event.occurredAt };
    case 'reporter.rated':
      return { ...state, isRated: true };
    case 'case.closed':
    case 'case.closed_automatically':
      return { ...state, status: 'closed', closedAt: event.occurredAt };
    case 'case.appealed':
      // The case starts again with the head of the unit above: the earlier handler and draft no longer apply.
      // Its answer is contested, so the case is no longer resolved and leaves the public register
      // until it is closed and published again.
      return { ...state, status: 'appealed', unitId: event.data.toUnitId, handlerId: null, teamId: null, draft: null, answer: null, closedAt: null, publication: null };
    case 'case.published':
      return { ...state, publication: { summary: event.data.summary, publicAnswer: event.data.publicAnswer ?? null, publishedAt: event.occurredAt } };
    case 'case.unpublished':
      return { ...state, publication: null };
    case 'case.referred':
      // Inside the installation the case moves and starts over with the receiving unit's coordinators;
      // outside it, the case ends here.
      return event.data.to.kind === 'unit'
        ? { ...state, status: 'received', unitId: event.data.to.unitId, handlerId: null, teamId: null, draft: null }
        : { ...state, status: 'referred' };
    case 'case.merged':
      return { ...state, status: 'merged' };
    case 'case.withdrawn':
      return { ...state, status: 'withdrawn' };
    default: {
      const unhandled: never = event;
      throw new Error(`evolve: unhandled event ${JSON.stringify(unhandled)}`);
    }
  }
}

/** The state after a case's whole history. */
export function caseStateFrom(events: readonly RecordedCaseEvent[]): CaseState {
  let state: CaseState | null = null;
  for (const event of [...events].sort((a, b) => a.sequence - b.sequence)) state = evolve(state, event);
  if (state === null) throw new Error('caseStateFrom: a case has at least its complaint.submitted event');
  return state;
}

function requireDraft(state: CaseState, event: RecordedCaseEvent): ResponseDraft {
  if (state.draft === null) throw new Error(`evolve: ${event.type} without a draft`);
  return state.draft;
}

/** Moves past `level`; past the last level the response is approved and waits to be sent. */
function advance(state: CaseState, draft: ResponseDraft, level: number): CaseState {
  const next = level + 1;
  const isLast = next >= (draft.chain?.length ?? 0);
  return { ...state, status: isLast ? 'response_approved' : state.status, draft: { ...draft, currentLevel: next } };
}
