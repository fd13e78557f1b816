import type { Kysely } from 'kysely';
import { DomainError } from '../../../domain/domain-error.js';
import { deleteExpiredDeskReceipts, insertDeskReceipt, takeDeskReceipt } from '../../../store/desk-receipts.js';
import type { Database } from '../../../store/schema.js';
import type { AppDeps } from '../../deps.js';
import type { ReceiptFacts } from '../../../documents/receipt/receipt-pdf.js';

/** Long enough to print at the desk, short enough that a forgotten link soon means nothing. */
export const deskReceiptLifetimeMs = 15 * 60 * 1000;
const tokenBytes = 16;

export interface PendingDeskReceipt {
  /** Random, 128 bits, base64url: the only way to the receipt, for the officer who holds it. */
  token: string;
  expiresAt: Date;
}

const tagOf = (deps: AppDeps, token: string) => deps.keys.tag('desk-receipt', token);

/**
 * Keeps the receipt of a complaint an intake officer has just recorded, sealed (the tracking
 * code is in it), for that officer to fetch once. Runs in the submission's transaction.
 */
export async function keepDeskReceipt(deps: AppDeps, trx: Kysely<Database>, staffUserId: number, receipt: ReceiptFacts, now: Date): Promise<PendingDeskReceipt> {
  const token = Buffer.from(deps.random.bytes(tokenBytes)).toString('base64url');
  const tokenTag = tagOf(deps, token);
  const expiresAt = new Date(now.getTime() + deskReceiptLifetimeMs);
  const sealed = deps.keys.seal(Buffer.from(JSON.stringify(receipt), 'utf8'), `desk-receipt:${tokenTag}`);
  // After the register number is taken, so one short insert: expired rows are swept on fetch.
  await insertDeskReceipt(trx, { tokenTag, staffUserId, sealed, expiresAt });
  return { token, expiresAt };
}

/**
 * The receipt, once, to the staff member who recorded the complaint, before it expires.
 * Anyone else, later or again gets `receipt.not_found`, and the receipt stays (or is gone)
 * as it was.
 */
export async function takeDeskReceiptFacts(deps: AppDeps, staffUserId: number, token: string): Promise<ReceiptFacts> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(token)) throw new DomainError('receipt.not_found');
  const tokenTag = tagOf(deps, token);
  const now = deps.clock.now();
  const sealed = await deps.db.transaction().execute(async (trx) => {
    const taken = await takeDeskReceipt(trx, tokenTag, staffUserId, now);
    await deleteExpiredDeskReceipts(trx, now);
    return taken;
  });
  if (sealed === undefined) throw new DomainError('receipt.not_found');
  return JSON.parse(deps.keys.unseal(sealed, `desk-receipt:${tokenTag}`).toString('utf8')) as ReceiptFacts;
}
