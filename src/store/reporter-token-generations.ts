import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The generation a reporter token must carry to be valid; 0 for a case nobody has signed out of. */
export async function currentReporterTokenGeneration(db: Kysely<Database>, complaintId: string): Promise<number> {
  const row = await db.selectFrom('reporterTokenGenerations').select('generation').where('complaintId', '=', complaintId).executeTakeFirst();
  return row?.generation ?? 0;
}

/**
 * Moves the case's generation on from `from`, in one statement; answers false when it had
 * already moved (another sign-out won), so the same token cannot end a later session.
 */
export async function advanceReporterTokenGeneration(db: Kysely<Database>, complaintId: string, from: number): Promise<boolean> {
  const result = await sql<{ generation: number }>`
    insert into reporter_token_generations (complaint_id, generation) values (${complaintId}, ${from + 1})
    on conflict (complaint_id) do update set generation = excluded.generation
      where reporter_token_generations.generation = ${from}
    returning generation`.execute(db);
  return result.rows.length > 0;
}
