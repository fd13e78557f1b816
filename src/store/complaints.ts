import type { Kysely } from 'kysely';
import type { ComplaintRow, Database, NewComplaintRow } from './schema.js';

export async function insertComplaint(trx: Kysely<Database>, row: NewComplaintRow): Promise<void> {
  await trx.insertInto('complaints').values(row).execute();
}

export async function findComplaintByTrackingHash(db: Kysely<Database>, trackingCodeHash: Buffer): Promise<ComplaintRow | undefined> {
  return db.selectFrom('complaints').selectAll().where('trackingCodeHash', '=', trackingCodeHash).executeTakeFirst();
}

export async function findComplaintById(db: Kysely<Database>, id: string): Promise<ComplaintRow | undefined> {
  return db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the case row for the rest of the transaction: every change of a case starts here. */
export async function lockComplaint(trx: Kysely<Database>, id: string): Promise<ComplaintRow | undefined> {
  return trx.selectFrom('complaints').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
