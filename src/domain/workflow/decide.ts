import type { CaseEvent } from '../case-event.js';
import { hasIntegrityReader } from '../access/policy.js';
import { DomainError, type FieldProblem } from '../domain-error.js';
import { caseActionError, caseActionRefusal } from './allowed-actions.js';
import type { CaseAction } from './case-action.js';
import type { CaseState } from './case-state.js';
import { publicAnswerProblems, summaryProblems } from './publication.js';
import { triagePriority } from './triage-priority.js';
import type { ApprovalLevel } from './workflow-values.js';
import type { WorkflowActor, WorkflowContext } from './workflow-context.js';

/**
 * Decides what an action does to a case: the events to append, or a refusal. Refusals come in
 * issue 4's order, so nobody learns more than they may (steps 1-4 are `caseGuardRules` in
 * allowed-actions.ts, which `allowedActions` reads too):
 * 1. a case the staff member may not see: `complaint.not_found` (as if it did not exist);
 * 2. an action their roles (or being the reporter) do not allow: `workflow.forbidden`;
 *    then publishing a case whose reporter did not allow it: `publication.not_consented`
 *    (in every state, so it is said before the state);
 * 3. an action the case's state does not admit: `workflow.action_not_allowed` `{ state, allowed }`;
 * 4. an action this person may not take here (not the assignee, not the current approver, own
 *    draft, already approved a level, outside the case's units): `workflow.forbidden` `{ reason }` (it depends on the state,
 *    so it can only be checked after it); an approval or return out of turn is `workflow.not_your_turn` naming the
 *    role and unit whose turn it is (the case's timeline shows its approval chain to whoever may see the case);
 * 5. blank or out-of-range values: `request.invalid` naming each field.
 */
export function decide(state: CaseState, command: CaseAction, actor: WorkflowActor, context: WorkflowContext): CaseEvent[] {
  const refusal = caseActionRefusal(state, command.action, actor, context);
  if (refusal !== undefined) throw caseActionError(refusal, state, command.action, actor, context);
  const staffId = actor.kind === 'staff' ? actor.userId : null;

  switch (command.action) {
    case 'verify': {
      checkFields(
        required('/note', command.note), command.draftReply === undefined ? [] : required('/draftReply', command.draftReply),
        // The reporter named someone: the verifier says whom that is on staff (an empty list: nobody), so the match is never skipped unsaid.
        state.concerns !== null && command.concernsStaffIds === undefined ? [{ pointer: '/concernsStaffIds', code: 'required' }] : [],
      );
      const matched = command.concernsStaffIds ?? [];
      // A verifier the complaint concerns cannot verify it, nor match themselves away: another coordinator must.
      if (staffId !== null && matched.includes(staffId)) throw new DomainError('case.verifier_concerned');
      const concerned = [...new Set([...state.concernedStaffIds, ...matched])];
      const verified: CaseEvent = { type: 'case.verified', data: { result: command.result, note: command.note, draftReply: command.draftReply ?? null } };
      return concerned.length > state.concernedStaffIds.length ? [{ type: 'case.concerned_staff_named', data: { staffIds: concerned } }, verified] : [verified];
    }
    case 'request_info':
      checkFields(required('/message', command.message));
      return [{ type: 'case.info_requested', data: { message: command.message } }];
    case 'reject':
      checkFields(required('/message', command.message));
      return [{ type: 'case.rejected', data: { reason: command.reason, message: command.message } }];
    case 'triage': {
      checkFields(required('/category', command.category), inRange('/urgency', command.urgency, 1, 3), inRange('/impact', command.impact, 1, 3));
      const isWhistleblowing = context.whistleblowingCategoryCodes.includes(command.category);
      // Only the integrity team sees a whistleblowing case: with nobody there, it would vanish for everyone.
      if (isWhistleblowing && !hasIntegrityReader(context.integrityTeamIds, context.integrityReaderIds, state.concernedStaffIds)) {
        throw new DomainError('whistleblowing.no_integrity_team', { category: command.category });
      }
      return [{
        type: 'case.triaged',
        data: { categoryCode: command.category, urgency: command.urgency, impact: command.impact, priority: triagePriority(command.urgency, command.impact), isWhistleblowing },
      }];
    }
    case 'assign':
      checkFields(required('/instructions', command.instructions));
      return [{ type: 'case.assigned', data: { unitId: command.unitId, handlerId: command.handlerId ?? null, teamId: command.teamId ?? null, instructions: command.instructions } }];
    case 'start':
      return [{ type: 'case.started', data: { handlerId: staffIdOf(staffId) } }];
    case 'add_note':
      checkFields(required('/text', command.text));
      return [{ type: 'case.note_added', data: { text: command.text } }];
    case 'message_reporter':
      checkFields(required('/text', command.text));
      return [{ type: 'case.reporter_messaged', data: { text: command.text } }];
    case 'draft_response':
      checkFields(required('/text', command.text));
      return [{ type: 'response.drafted', data: { draftNumber: state.draftCount + 1, drafterId: staffIdOf(staffId), finding: command.finding, text: command.text } }];
    case 'submit_for_approval': {
      const draft = requireDraft(state);
      const chain = context.approvalChain.map((level) => ({ ...level, holderIds: [...level.holderIds] }));
      return [
        { type: 'response.submitted_for_approval', data: { draftNumber: draft.draftNumber, chain } },
        ...skippedLevelsFrom(0, chain, draft.draftNumber, state.concernedStaffIds),
      ];
    }
    case 'approve': {
      const draft = requireDraft(state);
      const chain = draft.chain ?? [];
      return [
        { type: 'response.approved', data: { draftNumber: draft.draftNumber, level: draft.currentLevel, approverId: staffIdOf(staffId), note: command.note } },
        ...skippedLevelsFrom(draft.currentLevel + 1, chain, draft.draftNumber, state.concernedStaffIds),
      ];
    }
    case 'return': {
      checkFields(required('/note', command.note));
      const draft = requireDraft(state);
      return [{ type: 'response.returned', data: { draftNumber: draft.draftNumber, level: draft.currentLevel, corrections: command.note } }];
    }
    case 'send_response': {
      const draft = requireDraft(state);
      return [{ type: 'response.sent', data: { draftNumber: draft.draftNumber, finding: draft.finding, text: draft.text } }];
    }
    case 'add_corrective_action':
      checkFields(required('/description', command.description), notBefore('/dueOn', command.dueOn, context.now));
      return [{
        type: 'corrective_action.added',
        data: { actionId: state.correctiveActions.length + 1, description: command.description, ownerId: command.ownerId, dueOn: command.dueOn },
      }];
    case 'complete_corrective_action': {
      const target = state.correctiveActions.find((action) => action.actionId === command.actionId);
      checkFields(
        target === undefined ? [{ pointer: '/actionId', code: 'unknown' }] : target.isCompleted ? [{ pointer: '/actionId', code: 'already_completed' }] : [],
        required('/evidence', command.evidence),
      );
      return [{ type: 'corrective_action.completed', data: { actionId: command.actionId, evidence: command.evidence } }];
    }
    case 'resolve_at_desk':
      checkFields(required('/answer', command.answer));
      return [{ type: 'case.resolved_at_desk', data: { answer: command.answer } }];
    case 'close':
      checkFields(required('/note', command.note));
      return [{ type: 'case.closed', data: { note: command.note } }];
    case 'refer':
      if ('unitId' in command) {
        checkFields(command.unitId === state.unitId ? [{ pointer: '/unitId', code: 'same_unit' }] : []);
        return [{ type: 'case.referred', data: { to: { kind: 'unit', unitId: command.unitId } } }];
      }
      checkFields(required('/agency', command.agency), required('/note', command.note));
      return [{ type: 'case.referred', data: { to: { kind: 'agency', agency: command.agency, note: command.note } } }];
    case 'merge':
      checkFields(required('/intoId', command.intoId), required('/intoRegisterNumber', command.intoRegisterNumber));
      return [{ type: 'case.merged', data: { intoId: command.intoId, intoRegisterNumber: command.intoRegisterNumber } }];
    case 'withdraw':
      checkFields(required('/reason', command.reason));
      return [{ type: 'case.withdrawn', data: { reason: command.reason } }];
    case 'unseal_identity':
      checkFields(required('/reason', command.reason));
      return [{ type: 'identity.unsealed', data: { reason: command.reason } }];
    case 'publish': {
      checkFields([...summaryProblems(command.summary, command.reporterIdentity), ...publicAnswerProblems(command.publicAnswer, command.reporterIdentity)]);
      if (state.answer === null) throw new Error('decide: the state allowed publish without an answer');
      // The response was written to the reporter: the public reads only what staff wrote for it.
      return [{ type: 'case.published', data: { summary: command.summary.trim(), publicAnswer: command.publicAnswer.trim() } }];
    }
    case 'unpublish':
      checkFields(command.reason === undefined ? [] : required('/reason', command.reason));
      return [{ type: 'case.unpublished', data: { reason: command.reason?.trim() ?? null } }];
    case 'answer':
      checkFields(required('/text', command.text));
      return [{ type: 'reporter.answered', data: { text: command.text } }];
    case 'rate':
      checkFields(inRange('/rating', command.rating, 1, 5));
      // A rating is the reporter's last word on the response: it closes the case (docs/design.md "Workflow").
      return [{ type: 'reporter.rated', data: { rating: command.rating, comment: command.comment ?? null } }, { type: 'case.closed', data: { note: null } }];
    case 'appeal': {
      checkFields(required('/reasons', command.reasons));
      // To the unit above the one that answered; a root unit's own head hears an appeal against it.
      const toUnitId = context.unitPath[1] ?? state.unitId;
      return [{ type: 'case.appealed', data: { reasons: command.reasons, fromUnitId: state.unitId, toUnitId } }];
    }
    default: {
      const unhandled: never = command;
      throw new Error(`decide: unhandled action ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * From `level` on, each level whose every role holder the complaint concerns is skipped, with the
 * reason recorded, until a level someone else can approve. A level with no holders at all is not
 * skipped: it waits for someone to be appointed rather than letting a response through unseen.
 */
function skippedLevelsFrom(level: number, chain: readonly ApprovalLevel[], draftNumber: number, concernedStaffIds: readonly number[]): CaseEvent[] {
  const skipped: CaseEvent[] = [];
  for (let index = level; index < chain.length; index++) {
    const holders = chain[index]?.holderIds ?? [];
    const isConflicted = holders.length > 0 && holders.every((id) => concernedStaffIds.includes(id));
    if (!isConflicted) break;
    skipped.push({ type: 'response.approval_level_skipped', data: { draftNumber, level: index, reason: 'conflict_of_interest' } });
  }
  return skipped;
}

function requireDraft(state: CaseState) {
  if (state.draft === null) throw new Error('decide: the state allowed a response action without a draft');
  return state.draft;
}

function staffIdOf(staffId: number | null): number {
  if (staffId === null) throw new Error('decide: a staff action reached decide without a staff actor');
  return staffId;
}

function checkFields(...problems: FieldProblem[][]): void {
  const fields = problems.flat();
  if (fields.length > 0) throw new DomainError('request.invalid', {}, fields);
}

function required(pointer: string, value: string): FieldProblem[] {
  return value.trim() === '' ? [{ pointer, code: 'required' }] : [];
}

function inRange(pointer: string, value: number, min: number, max: number): FieldProblem[] {
  return Number.isInteger(value) && value >= min && value <= max ? [] : [{ pointer, code: 'range', params: { min, max } }];
}

/**
 * A due date is a calendar date, not in the past. "Today" is taken in UTC, the earliest of
 * Indonesia's three zones' dates, so a date that is today anywhere in the country is accepted.
 */
function notBefore(pointer: string, dueOn: string, now: Date): FieldProblem[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dueOn);
  const date = match === null ? null : new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date === null || date.toISOString().slice(0, 10) !== dueOn) return [{ pointer, code: 'date' }];
  return dueOn < now.toISOString().slice(0, 10) ? [{ pointer, code: 'not_in_past' }] : [];
}
