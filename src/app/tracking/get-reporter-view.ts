import { reporterHistory, type ReporterView } from '../../domain/views/reporter-view.js';
import { assessCompleteness, type Facts } from '../../domain/complaint/completeness.js';
import type { ComplaintStatus } from '../../domain/complaint/complaint-status.js';
import { DomainError } from '../../domain/domain-error.js';
import { listAttachments } from '../../store/attachments.js';
import { listCaseEvents } from '../../store/case-events.js';
import { findComplaintById } from '../../store/complaints.js';
import type { ComplaintRow } from '../../store/schema.js';
import type { AppDeps } from '../deps.js';

/** The case as its reporter sees it. Identity documents are theirs but never shown back. */
export async function getReporterView(deps: AppDeps, complaintId: string, loaded?: ComplaintRow): Promise<ReporterView> {
  const complaint = loaded ?? (await findComplaintById(deps.db, complaintId));
  if (complaint === undefined) throw new DomainError('complaint.not_found');
  const [events, attachments] = await Promise.all([listCaseEvents(deps.db, complaint.id), listAttachments(deps.db, complaint.id)]);
  return {
    registerNumber: complaint.registerNumber,
    status: complaint.status as ComplaintStatus,
    title: complaint.title,
    categoryCode: complaint.categoryCode,
    channel: complaint.channel,
    submittedAt: complaint.submittedAt,
    receivedAt: complaint.receivedAt,
    completeness: assessCompleteness(complaint.facts as unknown as Facts),
    history: reporterHistory(events),
    attachments: attachments
      .filter((attachment) => attachment.kind === 'evidence')
      .map((attachment) => ({
        id: attachment.id, fileName: attachment.fileName, mediaType: attachment.mediaType, sizeBytes: Number(attachment.sizeBytes),
        sha256: attachment.sha256, addedAt: attachment.createdAt,
      })),
  };
}
