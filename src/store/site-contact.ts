import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { readSetting } from './settings.js';

const key = 'site_contact';

/** The public ways to reach the body, as stored (shape checked by app/site). Undefined until set. */
export async function readSiteContact(db: Kysely<Database>): Promise<unknown> {
  return readSetting(db, key);
}

export async function writeSiteContact(db: Kysely<Database>, contact: unknown, now: Date): Promise<void> {
  const value = JSON.stringify(contact);
  await db.insertInto('settings').values({ key, value, updatedAt: now })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value, updatedAt: now })).execute();
}
