import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface DeskReceiptRow {
  tokenTag: string;
  staffUserId: number;
  sealed: Buffer;
  expiresAt: Date;
}

/** Keeps a pending receipt. */
export async function insertDeskReceipt(db: Kysely<Database>, row: DeskReceiptRow): Promise<void> {
  await db.insertInto('deskReceipts').values(row).execute();
}

/** Drops the receipts nobody fetched in time: they can no longer be had. */
export async function deleteExpiredDeskReceipts(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('deskReceipts').where('expiresAt', '<=', now).execute();
}

/**
 * Takes the receipt out, once: only for the staff member it was made for and before it
 * expires; anyone else, later or again finds nothing and removes nothing.
 */
export async function takeDeskReceipt(db: Kysely<Database>, tokenTag: string, staffUserId: number, now: Date): Promise<Buffer | undefined> {
  const row = await db.deleteFrom('deskReceipts')
    .where('tokenTag', '=', tokenTag).where('staffUserId', '=', staffUserId).where('expiresAt', '>', now)
    .returning('sealed').executeTakeFirst();
  return row?.sealed;
}
