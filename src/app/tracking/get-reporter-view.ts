import type { RecordedCaseEvent } from '../../domain/case-event.js';
import { reporterHistory, type ReporterView } from '../../domain/views/reporter-view.js';
import { assessCompleteness, type Facts } from '../../domain/complaint/completeness.js';
import type { ComplaintStatus } from '../../domain/complaint/complaint-status.js';
import { DomainError } from '../../domain/domain-error.js';
import { listAttachments } from '../../store/attachments.js';
import { listCaseEvents } from '../../store/case-events.js';
import { findComplaintById } from '../../store/complaints.js';
import type { ComplaintRow } from '../../store/schema.js';
import type { AppDeps } from '../deps.js';
import { getCaseDeadlines } from '../service-levels/get-case-deadlines.js';

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
  return {
    registerNumber: complaint.registerNumber,
    status: complaint.status as ComplaintStatus,
    title: complaint.title,
    categoryCode: complaint.categoryCode,
    channel: complaint.channel,
    submittedAt: complaint.submittedAt,
    receivedAt: complaint.receivedAt,
    completeness: assessCompleteness(complaint.facts as unknown as Facts),
    deadlines,
    history: reporterHistory(events),
    attachments: attachments
      .filter((attachment) => attachment.kind === 'evidence')
      .map((attachment) => ({
        id: attachment.id, fileName: attachment.fileName, mediaType: attachment.mediaType, sizeBytes: Number(attachment.sizeBytes),
        sha256: attachment.sha256, addedAt: attachment.createdAt,
      })),
  };
}
