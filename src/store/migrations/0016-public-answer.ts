import { sql, type Kysely } from 'kysely';

/**
 * The public register shows a public answer staff write, never the response sent to the
 * reporter. `published_response` keeps its name and now holds that public answer. Entries
 * published before held the response itself (with only the reporter taken out, so a named
 * officer's reprimand went public): they keep their summary and show no answer until staff
 * publish them again with one. The search column follows, being generated from this one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update complaints set published_response = null where published_response is not null`.execute(db);
}
