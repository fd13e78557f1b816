import { sql, type Kysely } from 'kysely';
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

/**
 * Locks a case row unless another transaction holds it (a staff action under way, or another
 * worker): the worker then leaves the case for its next round instead of queueing behind it.
 */
export async function lockComplaintIfFree(trx: Kysely<Database>, complaintId: string): Promise<boolean> {
  const result = await sql<{ id: string }>`select id from complaints where id = ${complaintId} for update skip locked`.execute(trx);
  return result.rows.length > 0;
}
