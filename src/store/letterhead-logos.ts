import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface LetterheadLogo {
  mediaType: string;
  content: Buffer;
}

export async function readLetterheadLogo(db: Kysely<Database>): Promise<LetterheadLogo | undefined> {
  return db.selectFrom('letterheadLogos').select(['mediaType', 'content']).where('id', '=', 1).executeTakeFirst();
}

export async function writeLetterheadLogo(db: Kysely<Database>, logo: LetterheadLogo, now: Date): Promise<void> {
  await db.insertInto('letterheadLogos').values({ id: 1, ...logo, updatedAt: now })
    .onConflict((conflict) => conflict.column('id').doUpdateSet({ ...logo, updatedAt: now })).execute();
}

export async function deleteLetterheadLogo(db: Kysely<Database>): Promise<boolean> {
  const result = await db.deleteFrom('letterheadLogos').where('id', '=', 1).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
