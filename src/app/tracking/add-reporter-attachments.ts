import { finalStatuses } from '../../domain/complaint/complaint-status.js';
import { DomainError } from '../../domain/domain-error.js';
import type { ReporterView } from '../../domain/views/reporter-view.js';
import { commitCaseEvents } from '../case-commit/commit-case-events.js';
import { loadCase } from '../cases/load-case.js';
import type { AppDeps } from '../deps.js';
import { recordAttachments, removeWrittenFiles, stageAttachments } from '../intake/store-attachments.js';
import { inspectUploadedFile, type UploadedFile } from '../intake/uploaded-file.js';
import { getReporterView } from './get-reporter-view.js';

/** Evidence added after submission: each file is its own event on the case. */
export async function addReporterAttachments(deps: AppDeps, complaintId: string, files: readonly UploadedFile[]): Promise<ReporterView> {
  if (files.length === 0) throw new DomainError('request.invalid', {}, [{ pointer: '/attachments', code: 'required' }]);
  const inspected = await Promise.all(files.map((file, index) => inspectUploadedFile(file, `/attachments/${index}`)));
  const now = deps.clock.now();
  const written: string[] = [];
  try {
    const staged = await stageAttachments(deps, { complaintId, files: inspected, kind: 'evidence', addedBy: 'reporter', now, written });
    await deps.db.transaction().execute(async (trx) => {
      const current = await loadCase(trx, complaintId, { now, forUpdate: true });
      if (finalStatuses.has(current.row.status)) throw new DomainError('complaint.is_final', { status: current.row.status });
      await recordAttachments(trx, [staged]);
      const events = staged.attachments.map((attachment) => ({
        type: 'reporter.attachment_added' as const,
        data: { attachmentId: attachment.id, fileName: attachment.fileName, mediaType: attachment.mediaType, sizeBytes: attachment.sizeBytes, sha256: attachment.sha256 },
      }));
      await commitCaseEvents(deps, trx, current, { kind: 'reporter' }, events, now);
    });
  } catch (error) {
    await removeWrittenFiles(deps, written);
    throw error;
  }
  return getReporterView(deps, complaintId);
}
