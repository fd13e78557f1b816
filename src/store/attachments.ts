import type { Insertable, Kysely } from 'kysely';
import type { AttachmentRow, AttachmentsTable, Database } from './schema.js';

export async function insertAttachments(trx: Kysely<Database>, rows: Insertable<AttachmentsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await trx.insertInto('attachments').values(rows).execute();
}

export async function listAttachments(db: Kysely<Database>, complaintId: string): Promise<AttachmentRow[]> {
  return db.selectFrom('attachments').selectAll().where('complaintId', '=', complaintId).orderBy('createdAt').orderBy('id').execute();
}

export async function findAttachment(db: Kysely<Database>, complaintId: string, attachmentId: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('complaintId', '=', complaintId).where('id', '=', attachmentId).executeTakeFirst();
}
