import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Cases whose follow-up (reminding a reporter, closing an abandoned case) is due. */
export async function findDueFollowUps(db: Kysely<Database>, now: Date, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('complaints').select('id').where('followUpAt', '<=', now).orderBy('followUpAt').limit(limit).execute();
  return rows.map((row) => row.id);
}

export async function setFollowUpAt(trx: Kysely<Database>, complaintId: string, at: Date | null): Promise<void> {
  await trx.updateTable('complaints').set({ followUpAt: at }).where('id', '=', complaintId).execute();
}
