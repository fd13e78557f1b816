import type { RecordedCaseEvent } from '../../domain/case-event.js';
import { reporterCorrectiveActions, reporterHistory, reporterResponse, type ReporterQuestion, type ReporterView } from '../../domain/views/reporter-view.js';
import { addDuration } from '../../domain/service-level/deadline.js';
import { caseStateFrom } from '../../domain/workflow/case-state.js';
import { assessCompleteness, type Facts } from '../../domain/complaint/completeness.js';
import { DomainError } from '../../domain/domain-error.js';
import { listAttachments } from '../../store/attachments.js';
import { listCaseEvents } from '../../store/case-events.js';
import { findComplaintById } from '../../store/complaints.js';
import type { ComplaintRow } from '../../store/schema.js';
import type { AppDeps } from '../deps.js';
import { getCaseDeadlines } from '../service-levels/get-case-deadlines.js';
import { calendarForUnit, currentServiceLevels } from '../service-levels/current-service-levels.js';

/**
 * The case as its reporter sees it. Identity documents are theirs but never shown back.
 * A caller that has already read the row and its events passes them, so they are read once.
 */
export async function getReporterView(deps: AppDeps, complaintId: string, loaded?: ComplaintRow, loadedEvents?: readonly RecordedCaseEvent[]): Promise<ReporterView> {
  const complaint = loaded ?? (await findComplaintById(deps.db, complaintId));
  if (complaint === undefined) throw new DomainError('complaint.not_found');
  const [events, attachments, deadlines] = await Promise.all([
    loadedEvents ?? listCaseEvents(deps.db, complaint.id), listAttachments(deps.db, complaint.id), getCaseDeadlines(deps.db, complaint.id, deps.clock.now()),
  ]);
  const state = caseStateFrom(events);
  const facts = complaint.facts as unknown as Facts;
  return {
    registerNumber: complaint.registerNumber,
    status: complaint.status,
    title: complaint.title,
    description: complaint.description,
    facts: { what: facts.what, where: facts.where, when: facts.when, who: facts.who, how: facts.how, ...(facts.why ? { why: facts.why } : {}) },
    categoryCode: complaint.categoryCode,
    channel: complaint.channel,
    submittedAt: complaint.submittedAt,
    receivedAt: complaint.receivedAt,
    completeness: assessCompleteness(facts),
    deadlines,
    history: reporterHistory(events),
    attachments: attachments
      .filter((attachment) => attachment.kind === 'evidence')
      .map((attachment) => ({
        id: attachment.id, fileName: attachment.fileName, mediaType: attachment.mediaType, sizeBytes: Number(attachment.sizeBytes),
        sha256: attachment.sha256, addedAt: attachment.createdAt,
      })),
    response: reporterResponse(events),
    correctiveActions: reporterCorrectiveActions(state),
    question: state.status === 'needs_info' ? await openQuestion(deps, events, state.unitId) : null,
  };
}

/**
 * The request the reporter must answer, and when the case closes unanswered: the same
 * setting and calendar the follow-up job closes it by (case-follow-up.ts).
 */
async function openQuestion(deps: AppDeps, events: readonly RecordedCaseEvent[], unitId: number): Promise<ReporterQuestion | null> {
  const asked = [...events].sort((a, b) => a.sequence - b.sequence).findLast((event) => event.type === 'case.info_requested');
  if (asked?.type !== 'case.info_requested') return null;
  const levels = await currentServiceLevels(deps.caches, deps.db);
  const calendar = await calendarForUnit(deps.db, levels, unitId);
  const closesAfter = levels.settings.closeUnansweredAfter;
  return { text: asked.data.message, askedAt: asked.occurredAt, closesAfter, closesAt: addDuration(asked.occurredAt, closesAfter, calendar) };
}
