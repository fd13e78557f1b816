import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { readSetting } from './settings.js';

const key = 'totp_required_roles';

/** The roles whose holders must use a second factor; none until an administrator says so. */
export async function readTotpRequiredRoles(db: Kysely<Database>): Promise<string[]> {
  const value = await readSetting(db, key);
  return Array.isArray(value) ? value.filter((role): role is string => typeof role === 'string') : [];
}

export async function writeTotpRequiredRoles(db: Kysely<Database>, roles: readonly string[], now: Date): Promise<void> {
  const value = JSON.stringify(roles);
  await db.insertInto('settings').values({ key, value, updatedAt: now })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value, updatedAt: now })).execute();
}
