import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The latest time any of these counters is blocked until, or null when none is. */
export async function latestBlockedUntil(db: Kysely<Database>, keyTags: readonly string[]): Promise<Date | null> {
  const rows = await db.selectFrom('signInThrottles').select('blockedUntil').where('keyTag', 'in', [...keyTags]).where('blockedUntil', 'is not', null).execute();
  const times = rows.map((row) => row.blockedUntil?.getTime() ?? 0);
  return times.length === 0 ? null : new Date(Math.max(...times));
}

/**
 * Counts one failure in a single statement, so concurrent attempts on several app nodes
 * cannot lose a count; a count whose last failure is before `forgetBefore` starts again.
 * Answers the count after this failure.
 */
export async function countFailure(db: Kysely<Database>, keyTag: string, now: Date, forgetBefore: Date): Promise<number> {
  const result = await sql<{ failures: number }>`
    insert into sign_in_throttles (key_tag, failures, blocked_until, last_failed_at) values (${keyTag}, 1, null, ${now})
    on conflict (key_tag) do update set
      failures = case when sign_in_throttles.last_failed_at < ${forgetBefore} then 1 else sign_in_throttles.failures + 1 end,
      last_failed_at = excluded.last_failed_at
    returning failures`.execute(db);
  return Number(result.rows[0]?.failures ?? 1);
}

/** Never shortens a wait a concurrent failure has already set. */
export async function blockUntil(db: Kysely<Database>, keyTag: string, until: Date): Promise<void> {
  await db.updateTable('signInThrottles').set({ blockedUntil: until }).where('keyTag', '=', keyTag)
    .where((eb) => eb.or([eb('blockedUntil', 'is', null), eb('blockedUntil', '<', until)])).execute();
}

export async function forgetThrottle(db: Kysely<Database>, keyTag: string): Promise<void> {
  await db.deleteFrom('signInThrottles').where('keyTag', '=', keyTag).execute();
}

/** Counts nobody has added to since `before` and that block nothing any more: nothing to keep them for. */
export async function deleteStaleThrottles(db: Kysely<Database>, before: Date, now: Date): Promise<void> {
  await db.deleteFrom('signInThrottles').where('lastFailedAt', '<', before)
    .where((eb) => eb.or([eb('blockedUntil', 'is', null), eb('blockedUntil', '<', now)])).execute();
}
