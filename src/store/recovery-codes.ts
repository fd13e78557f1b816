import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** A new set replaces the old one entirely: codes shown earlier stop working. */
export async function replaceRecoveryCodes(db: Kysely<Database>, userId: number, codeHashes: readonly Buffer[]): Promise<void> {
  await db.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
  if (codeHashes.length === 0) return;
  await db.insertInto('recoveryCodes').values(codeHashes.map((codeHash) => ({ userId, codeHash, usedAt: null }))).execute();
}

/** Marks the code used in the same statement that checks it, so it works exactly once. */
export async function useRecoveryCode(db: Kysely<Database>, userId: number, codeHash: Buffer, now: Date): Promise<boolean> {
  const result = await db.updateTable('recoveryCodes').set({ usedAt: now })
    .where('userId', '=', userId).where('codeHash', '=', codeHash).where('usedAt', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
