import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Serialises whatever can leave a whistleblowing case seen by nobody: administration that
 * takes people out of the integrity team (exclusive) against a case becoming whistleblowing
 * (shared). Without it two administrators could each remove one of the last two members, each
 * seeing the other still there. The row is the organisation version (migration 0011), which
 * every change to teams updates anyway.
 */
export async function lockIntegrityGuard(db: Kysely<Database>, mode: 'share' | 'update'): Promise<void> {
  const lock = mode === 'share' ? sql`for share` : sql`for update`;
  await sql`select 1 from settings where key = 'organisation_version' ${lock}`.execute(db);
}
