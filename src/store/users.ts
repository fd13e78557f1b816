import type { Kysely } from 'kysely';
import type { StaffRole } from '../domain/access/policy.js';
import type { Database } from './schema.js';

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertUser(
  db: Kysely<Database>,
  user: { email: string; name: string; unitId: number; roles: StaffRole[]; passwordHash: string },
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values(user)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
