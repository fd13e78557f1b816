import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Takes the next number of the year. Must run inside the submitting transaction: the
 * upsert locks the counter row until commit, so concurrent submissions on any number of
 * app nodes queue here, and a rollback returns the number (no gaps, no duplicates).
 */
export async function takeNextRegisterNumber(trx: Kysely<Database>, prefix: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('registerCounters')
    .values({ prefix, year, lastValue: 1 })
    .onConflict((conflict) => conflict.columns(['prefix', 'year']).doUpdateSet({ lastValue: sql`register_counters.last_value + 1` }))
    .returning('lastValue')
    .executeTakeFirstOrThrow();
  return row.lastValue;
}
