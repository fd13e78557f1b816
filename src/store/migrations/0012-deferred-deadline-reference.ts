import { sql, type Kysely } from 'kysely';

/**
 * A case's deadline rows may be written before its complaint row in the same transaction (the
 * reference is checked at commit): submission writes them before it takes the register number,
 * so that the write is not one more statement inside the counter row's lock every submission
 * queues on.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table case_deadlines alter constraint case_deadlines_complaint_id_fkey deferrable initially deferred`.execute(db);
}
