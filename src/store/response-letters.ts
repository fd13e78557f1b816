import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface ResponseLetterRow {
  complaintId: string;
  draftNumber: number;
  letterNumber: string;
  signedAt: Date;
  signerId: number;
}

export async function insertResponseLetter(trx: Kysely<Database>, row: ResponseLetterRow): Promise<void> {
  await trx.insertInto('responseLetters').values(row).execute();
}

export async function findLatestResponseLetter(db: Kysely<Database>, complaintId: string): Promise<ResponseLetterRow | undefined> {
  return db.selectFrom('responseLetters').selectAll().where('complaintId', '=', complaintId).orderBy('draftNumber', 'desc').limit(1).executeTakeFirst();
}
