import type { Kysely, Selectable } from 'kysely';
import type { Database, LetterSigningCertificatesTable } from './schema.js';

export type LetterSigningCertificateRow = Omit<Selectable<LetterSigningCertificatesTable>, 'id'>;

export async function readLetterSigningCertificate(db: Kysely<Database>): Promise<LetterSigningCertificateRow | undefined> {
  return db.selectFrom('letterSigningCertificates')
    .select(['sealedKeyStore', 'subject', 'issuer', 'serialNumber', 'validFrom', 'validUntil', 'updatedAt']).where('id', '=', 1).executeTakeFirst();
}

export async function writeLetterSigningCertificate(db: Kysely<Database>, row: LetterSigningCertificateRow): Promise<void> {
  await db.insertInto('letterSigningCertificates').values({ id: 1, ...row })
    .onConflict((conflict) => conflict.column('id').doUpdateSet(row)).execute();
}

export async function deleteLetterSigningCertificate(db: Kysely<Database>): Promise<boolean> {
  const result = await db.deleteFrom('letterSigningCertificates').where('id', '=', 1).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
