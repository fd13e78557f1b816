import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Where pg-boss keeps its tables unless told otherwise (tests give each file its own). */
export const defaultJobQueueSchema = 'pgboss';

export interface FailedQueueJob {
  id: string;
  name: string;
  retryCount: number;
  createdAt: Date;
  failedAt: Date | null;
  error: string | null;
}

/** Jobs pg-boss gave up on (state `failed`), newest first; none before the worker first started. */
export async function listFailedQueueJobs(db: Kysely<Database>, limit: number, schema = defaultJobQueueSchema): Promise<FailedQueueJob[]> {
  const exists = await sql<{ found: string | null }>`select to_regclass(${`${schema}.job`})::text as found`.execute(db);
  if (!exists.rows[0]?.found) return [];
  const result = await sql<{ id: string; name: string; retryCount: number; createdOn: Date; completedOn: Date | null; output: unknown }>`
    select id::text as id, name, retry_count, created_on, completed_on, output
    from ${sql.table(`${schema}.job`)} where state = 'failed' order by completed_on desc nulls last limit ${limit}
  `.execute(db);
  return result.rows.map((row) => ({
    id: row.id, name: row.name, retryCount: row.retryCount, createdAt: row.createdOn, failedAt: row.completedOn,
    error: errorMessageOf(row.output),
  }));
}

function errorMessageOf(output: unknown): string | null {
  if (typeof output !== 'object' || output === null) return null;
  const message = 'message' in output ? output.message : undefined;
  return typeof message === 'string' ? message.slice(0, 500) : JSON.stringify(output).slice(0, 500);
}
