import type { Kysely, Selectable } from 'kysely';
import type { Database, IssuedLettersTable } from './schema.js';

export type IssuedLetterRow = Selectable<IssuedLettersTable>;
export type IssuedLetterFacts = Omit<IssuedLetterRow, 'sealedPdf' | 'complaintId' | 'draftNumber'>;

export async function insertIssuedLetter(trx: Kysely<Database>, row: IssuedLetterRow): Promise<void> {
  await trx.insertInto('issuedLetters').values(row).execute();
}

/** What the public verification page may show: never the case, the reporter or the letter's text. */
export async function findIssuedLetterFacts(db: Kysely<Database>, code: string): Promise<IssuedLetterFacts | undefined> {
  return db.selectFrom('issuedLetters')
    .select(['code', 'registerNumber', 'letterNumber', 'signedAt', 'timeZone', 'signerName', 'signerPosition', 'signerUnit', 'isSigned', 'sha256'])
    .where('code', '=', code).executeTakeFirst();
}

export async function findIssuedLetterForDraft(db: Kysely<Database>, complaintId: string, draftNumber: number): Promise<IssuedLetterRow | undefined> {
  return db.selectFrom('issuedLetters').selectAll().where('complaintId', '=', complaintId).where('draftNumber', '=', draftNumber).executeTakeFirst();
}
