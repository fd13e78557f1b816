import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export type AdminRecordTable = 'units' | 'users' | 'teams' | 'categories';

/**
 * Locks one configuration row until the transaction ends, so the version read next is the
 * one the change replaces (the audit log records the difference). False when there is no
 * such row.
 */
export async function lockAdminRecord(trx: Kysely<Database>, table: AdminRecordTable, id: number): Promise<boolean> {
  const result = await sql<{ id: number }>`select id from ${sql.table(table)} where id = ${id} for update`.execute(trx);
  return result.rows.length > 0;
}
