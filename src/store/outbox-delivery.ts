import { sql, type Kysely } from 'kysely';
import type { OutboxChannel } from '../domain/notifications/outbox-channel.js';
import type { MessageTemplate } from '../domain/notifications/templates.js';
import type { OutboxRecipient } from './outbox.js';
import type { Database } from './schema.js';

export type DeliveryOutcome = 'sent' | 'mail_off' | 'no_address';

export interface ClaimedOutboxMessage {
  id: number;
  complaintId: string | null;
  channel: OutboxChannel;
  recipient: OutboxRecipient;
  template: MessageTemplate;
  data: Record<string, unknown>;
  /** This claim's attempt number, from 1: marking checks it, so a stale claim cannot overwrite a newer one. */
  attempt: number;
  createdAt: Date;
}

/**
 * Takes up to `limit` messages that are due, for one delivery attempt each. The rows are
 * read `FOR UPDATE SKIP LOCKED` and pushed to `leaseUntil` in the same short transaction,
 * so another relay neither waits for them nor sees them as due while this one sends: the
 * send itself happens outside any transaction (on the embedded database an open transaction
 * would hold up every other request). Staff recipients get their in-app notification here,
 * once per message whatever happens to the mail.
 */
export async function claimDueOutboxMessages(db: Kysely<Database>, options: { now: Date; leaseUntil: Date; limit: number }): Promise<ClaimedOutboxMessage[]> {
  return db.transaction().execute(async (trx) => {
    const due = await trx.selectFrom('outbox').select('id')
      .where('sentAt', 'is', null).where('outcome', 'is', null).where('nextAttemptAt', '<=', options.now)
      .orderBy('nextAttemptAt').orderBy('id').limit(options.limit)
      .forUpdate().skipLocked()
      .execute();
    if (due.length === 0) return [];
    const claimed = await trx.updateTable('outbox')
      .set({ attempts: sql<number>`attempts + 1`, nextAttemptAt: options.leaseUntil })
      .where('id', 'in', due.map((row) => row.id))
      .returning(['id', 'complaintId', 'channel', 'recipient', 'template', 'data', 'attempts', 'createdAt'])
      .execute();
    const messages = claimed
      .map((row): ClaimedOutboxMessage => ({
        id: row.id, complaintId: row.complaintId, channel: row.channel, recipient: row.recipient as OutboxRecipient, template: row.template,
        data: (row.data ?? {}) as Record<string, unknown>, attempt: row.attempts, createdAt: row.createdAt,
      }))
      .sort((a, b) => a.id - b.id);
    const forStaff = messages.filter((message) => message.recipient.kind === 'staff');
    if (forStaff.length > 0) {
      await trx.insertInto('notifications')
        .values(forStaff.map((message) => ({
          userId: message.recipient.kind === 'staff' ? message.recipient.userId : 0, complaintId: message.complaintId, outboxId: message.id,
          template: message.template, data: JSON.stringify(message.data), createdAt: message.createdAt, readAt: null,
        })))
        .onConflict((conflict) => conflict.column('outboxId').doNothing())
        .execute();
    }
    return messages;
  });
}

/** Records how a claimed message left. False when a newer claim owns the row (this one's lease ran out). */
export async function markOutboxDelivered(db: Kysely<Database>, id: number, attempt: number, outcome: DeliveryOutcome, now: Date): Promise<boolean> {
  const result = await db.updateTable('outbox').set({ sentAt: now, outcome, lastError: null })
    .where('id', '=', id).where('attempts', '=', attempt).where('sentAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records a failed attempt: try again at `retryAt`, or give up for good (outcome `failed`) when it is null. */
export async function markOutboxAttemptFailed(db: Kysely<Database>, id: number, attempt: number, error: string, retryAt: Date | null): Promise<void> {
  await db.updateTable('outbox')
    .set(retryAt === null ? { outcome: 'failed', lastError: error } : { nextAttemptAt: retryAt, lastError: error })
    .where('id', '=', id).where('attempts', '=', attempt).where('sentAt', 'is', null)
    .execute();
}

export interface FailedOutboxMessage {
  id: number;
  complaintId: string | null;
  recipientKind: OutboxRecipient['kind'];
  template: string;
  attempts: number;
  createdAt: Date;
  lastError: string | null;
}

/** Messages the relay gave up on, newest first. */
export async function listFailedOutboxMessages(db: Kysely<Database>, limit: number): Promise<FailedOutboxMessage[]> {
  const rows = await db.selectFrom('outbox').select(['id', 'complaintId', 'recipient', 'template', 'attempts', 'createdAt', 'lastError'])
    .where('outcome', '=', 'failed').orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id, complaintId: row.complaintId, recipientKind: (row.recipient as OutboxRecipient).kind, template: row.template,
    attempts: row.attempts, createdAt: row.createdAt, lastError: row.lastError,
  }));
}
