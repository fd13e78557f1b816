import type { Actor, RecordedCaseEvent } from '../case-event.js';
import type { ComplaintStatus } from '../complaint/complaint-status.js';
import type { Completeness, Facts } from '../complaint/completeness.js';
import { isIdentityShown, type IdentityMode, type ReporterIdentity } from '../complaint/identity.js';
import type { DeadlineStatus } from '../service-level/deadline-status.js';
import type { CaseActionName } from '../workflow/case-action.js';
import type { CaseState, CorrectiveAction } from '../workflow/case-state.js';

export interface StaffTimelineEntry {
  sequence: number;
  type: RecordedCaseEvent['type'];
  at: Date;
  actor: { kind: Actor['kind']; userId: number | null; name: string | null };
  data: unknown;
}

export interface StaffView {
  id: string;
  registerNumber: string;
  status: ComplaintStatus;
  channel: string;
  title: string;
  description: string;
  facts: Facts;
  completeness: Completeness;
  categoryCode: string | null;
  unitId: number;
  handlerId: number | null;
  teamId: number | null;
  priority: string | null;
  isWhistleblowing: boolean;
  /** Whom the reporter says the complaint concerns, in their words: for staff only, never public. */
  concerns: string | null;
  /** The staff accounts matched to it (or named at intake), who do not see the case. */
  concernedStaffIds: number[];
  receivedAt: Date;
  submittedAt: Date;
  responseDueAt: Date | null;
  /** Acknowledgement, verification and response: when each is due and where it stands. */
  deadlines: DeadlineStatus[];
  reporter: { mode: IdentityMode; pseudonym: string | null; identity: ReporterIdentity | null };
  draft: { draftNumber: number; finding: string; text: string; level: number; levels: number; approvals: { level: number; approverId: number }[] } | null;
  correctiveActions: CorrectiveAction[];
  timeline: StaffTimelineEntry[];
  allowedActions: CaseActionName[];
}

export interface StaffViewInput {
  id: string;
  registerNumber: string;
  title: string;
  description: string;
  facts: Facts;
  completeness: Completeness;
  receivedAt: Date;
  submittedAt: Date;
  responseDueAt: Date | null;
  deadlines: DeadlineStatus[];
  identityMode: IdentityMode;
  pseudonym: string | null;
  /** The decrypted identity, if the use case decrypted it; the view decides whether it is shown. */
  identity: ReporterIdentity | null;
  /** True only in the answer to an `unseal_identity` action, which is recorded and audited. */
  isIdentityUnsealed: boolean;
  state: CaseState;
  events: readonly RecordedCaseEvent[];
  staffNames: ReadonlyMap<number, string>;
  allowedActions: CaseActionName[];
}

/**
 * What staff see of a case. Privacy lives here, not in templates: an identified reporter's
 * identity is shown to the staff handling the case; a confidential one's only in the answer
 * to its recorded unsealing; an anonymous reporter has none to show.
 */
export function staffView(input: StaffViewInput): StaffView {
  const { state } = input;
  return {
    id: input.id,
    registerNumber: input.registerNumber,
    status: state.status,
    channel: state.channel,
    title: input.title,
    description: input.description,
    facts: input.facts,
    completeness: input.completeness,
    categoryCode: state.categoryCode,
    unitId: state.unitId,
    handlerId: state.handlerId,
    teamId: state.teamId,
    priority: state.priority,
    isWhistleblowing: state.isWhistleblowing,
    concerns: state.concerns,
    concernedStaffIds: state.concernedStaffIds,
    receivedAt: input.receivedAt,
    submittedAt: input.submittedAt,
    responseDueAt: input.responseDueAt,
    deadlines: input.deadlines,
    reporter: { mode: input.identityMode, pseudonym: input.pseudonym, identity: isIdentityShown(input.identityMode, input.isIdentityUnsealed) ? input.identity : null },
    draft: state.draft === null ? null : {
      draftNumber: state.draft.draftNumber, finding: state.draft.finding, text: state.draft.text,
      level: state.draft.currentLevel, levels: state.draft.chain?.length ?? 0, approvals: state.draft.approvals,
    },
    correctiveActions: state.correctiveActions,
    timeline: [...input.events].sort((a, b) => a.sequence - b.sequence).map((event) => {
      const userId = event.actor.kind === 'staff' ? event.actor.userId : null;
      return {
        sequence: event.sequence, type: event.type, at: event.occurredAt,
        actor: { kind: event.actor.kind, userId, name: userId === null ? null : input.staffNames.get(userId) ?? null },
        data: event.data,
      };
    }),
    allowedActions: input.allowedActions,
  };
}
