import { readFile, rm } from 'node:fs/promises';
import type { Insertable, Kysely } from 'kysely';
import { insertAttachments } from '../../store/attachments.js';
import type { AttachmentsTable, Database } from '../../store/schema.js';
import type { AppDeps } from '../deps.js';
import type { InspectedFile } from './uploaded-file.js';

export interface StoredAttachment {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/** Files already in the file store, waiting for their rows. */
export interface StagedAttachments {
  attachments: StoredAttachment[];
  rows: Insertable<AttachmentsTable>[];
}

/**
 * Moves attachments' content into the file store, before any transaction: writing a file
 * (to a disk or, later, an object store) never holds a row lock. Every key written is pushed
 * onto `written` so that the caller can remove the files if the rows are not committed
 * (`recordAttachments`): no file is kept without its row.
 * Identity documents (ID card scans) are sealed like identity fields before they touch disk.
 */
export async function stageAttachments(
  deps: AppDeps,
  options: { complaintId: string; files: readonly InspectedFile[]; kind: 'evidence' | 'identity_document'; addedBy: 'reporter' | 'staff'; now: Date; written: string[] },
): Promise<StagedAttachments> {
  const { complaintId, files, kind, addedBy, now, written } = options;
  const attachments: StoredAttachment[] = [];
  const rows: Insertable<AttachmentsTable>[] = [];
  for (const file of files) {
    const id = deps.random.uuid();
    const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
    const isEncrypted = kind === 'identity_document';
    written.push(storageKey);
    if (isEncrypted) {
      await deps.files.putBuffer(storageKey, deps.keys.seal(await readFile(file.tempPath), `attachment:${id}`));
      await rm(file.tempPath, { force: true });
    } else {
      await deps.files.putFromTempFile(storageKey, file.tempPath);
    }
    // An ID card scan is often named after its owner ("KTP Siti Aminah.jpg"): its name is
    // identity too, so only a neutral one is kept in the clear.
    const fileName = isEncrypted ? `dokumen-identitas-${attachments.length + 1}` : file.fileName;
    rows.push({
      id, complaintId, kind, fileName, mediaType: file.mediaType, sizeBytes: file.sizeBytes,
      sha256: file.sha256, storageKey, isEncrypted, addedBy, createdAt: now,
    });
    attachments.push({ id, fileName, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256 });
  }
  return { attachments, rows };
}

/** Records staged attachments, inside the caller's transaction: one statement for all of them. */
export async function recordAttachments(trx: Kysely<Database>, staged: readonly StagedAttachments[]): Promise<void> {
  await insertAttachments(trx, staged.flatMap((batch) => batch.rows));
}

/** Undoes `stageAttachments`' file writes after a failed transaction. */
export async function removeWrittenFiles(deps: AppDeps, written: readonly string[]): Promise<void> {
  await Promise.all(written.map((key) => deps.files.remove(key).catch(() => undefined)));
}
