import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export async function readSetting(db: Kysely<Database>, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Writes the value only if the key has none yet; returns the value now stored. */
export async function initSetting(db: Kysely<Database>, key: string, value: unknown): Promise<unknown> {
  await db.insertInto('settings').values({ key, value: JSON.stringify(value) }).onConflict((conflict) => conflict.column('key').doNothing()).execute();
  return readSetting(db, key);
}
