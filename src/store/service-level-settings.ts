import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { readSetting } from './settings.js';

const settingsKey = 'service_level_settings';
const versionKey = 'service_level_version';

/** The stored settings as JSON, or undefined before an administrator first saves them. */
export async function readServiceLevelSettings(db: Kysely<Database>): Promise<unknown> {
  return readSetting(db, settingsKey);
}

export async function writeServiceLevelSettings(db: Kysely<Database>, settings: object, now: Date): Promise<void> {
  const value = JSON.stringify(settings);
  await db.insertInto('settings').values({ key: settingsKey, value, updatedAt: now })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value, updatedAt: now })).execute();
}

/**
 * A number that changes whenever holidays, policies or settings do: triggers bump it in the
 * transaction of the change (migration 0018). Processes keep calendars and policies in memory
 * and read this one row to know whether theirs are still current, so a change made through
 * one app node reaches the others at their next use.
 */
export async function readServiceLevelVersion(db: Kysely<Database>): Promise<number> {
  const value = await readSetting(db, versionKey);
  return typeof value === 'number' ? value : 0;
}
