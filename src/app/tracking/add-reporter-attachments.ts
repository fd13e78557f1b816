import { finalStatuses } from '../../domain/complaint/complaint-status.js';
import { DomainError } from '../../domain/domain-error.js';
import type { ReporterView } from '../../domain/views/reporter-view.js';
import { appendCaseEvents } from '../../store/case-events.js';
import { lockComplaint } from '../../store/complaints.js';
import type { AppDeps } from '../deps.js';
import { notifyOfReporterAddition } from '../notifications/notify-next-actors.js';
import { removeWrittenFiles, storeAttachments } from '../intake/store-attachments.js';
import { inspectUploadedFile, type UploadedFile } from '../intake/uploaded-file.js';
import { getReporterView } from './get-reporter-view.js';

/** Evidence added after submission: each file is its own event on the case. */
export async function addReporterAttachments(deps: AppDeps, complaintId: string, files: readonly UploadedFile[]): Promise<ReporterView> {
  if (files.length === 0) throw new DomainError('request.invalid', {}, [{ pointer: '/attachments', code: 'required' }]);
  const inspected = await Promise.all(files.map((file, index) => inspectUploadedFile(file, `/attachments/${index}`)));
  const now = deps.clock.now();
  const written: string[] = [];
  try {
    await deps.db.transaction().execute(async (trx) => {
      const complaint = await lockComplaint(trx, complaintId);
      if (complaint === undefined) throw new DomainError('complaint.not_found');
      if (finalStatuses.has(complaint.status)) throw new DomainError('complaint.is_final', { status: complaint.status });
      const stored = await storeAttachments(deps, trx, { complaintId, files: inspected, kind: 'evidence', addedBy: 'reporter', now, written });
      const events = stored.map((attachment) => ({
        type: 'reporter.attachment_added' as const,
        data: { attachmentId: attachment.id, fileName: attachment.fileName, mediaType: attachment.mediaType, sizeBytes: attachment.sizeBytes, sha256: attachment.sha256 },
      }));
      await notifyOfReporterAddition(trx, complaint, events, await appendCaseEvents(trx, complaintId, { kind: 'reporter' }, now, events), now);
    });
  } catch (error) {
    await removeWrittenFiles(deps, written);
    throw error;
  }
  return getReporterView(deps, complaintId);
}
