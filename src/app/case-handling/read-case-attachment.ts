import type { StaffActor } from '../../domain/access/policy.js';
import { DomainError } from '../../domain/domain-error.js';
import { findAttachment } from '../../store/attachments.js';
import type { AppDeps } from '../deps.js';
import { loadCase } from '../cases/load-case.js';

export interface AttachmentContent {
  fileName: string;
  /** The type sniffed at upload; how it is served is the HTTP layer's business. */
  mediaType: string;
  content: Buffer;
}

/**
 * One evidence file of a case, for staff who may see the case. A case they may not see
 * answers `complaint.not_found`, as reading it does. Identity documents are part of the
 * sealed identity and are not handed out here: they answer as if there were no such file.
 */
export async function readCaseAttachment(deps: AppDeps, actor: StaffActor, complaintId: string, attachmentId: string): Promise<AttachmentContent> {
  const row = await deps.db.transaction().execute(async (trx) => {
    await loadCase(trx, complaintId, { now: deps.clock.now(), forUpdate: false, viewer: actor });
    return findAttachment(trx, complaintId, attachmentId);
  });
  if (row === undefined || row.kind !== 'evidence') throw new DomainError('attachment.not_found');
  const stored = await deps.files.read(row.storageKey);
  const content = row.isEncrypted ? deps.keys.unseal(stored, `attachment:${row.id}`) : stored;
  return { fileName: row.fileName, mediaType: row.mediaType, content };
}
