import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** An active staff member's address, read only when a mail to them is sent. */
export async function findActiveStaffEmail(db: Kysely<Database>, userId: number): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('email').where('id', '=', userId).where('isActive', '=', true).executeTakeFirst();
  return row?.email;
}
