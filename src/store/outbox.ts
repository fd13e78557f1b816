import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Who a message is for, by reference only: addresses are decrypted by the sender. */
export type OutboxRecipient = { kind: 'reporter'; complaintId: string } | { kind: 'staff'; userId: number };

export interface NewOutboxMessage {
  complaintId: string | null;
  eventId: number | null;
  channel: 'email';
  recipient: OutboxRecipient;
  template: string;
  data: Record<string, unknown>;
}

/** Returns the new rows' ids, in the order of `messages`. */
export async function enqueueOutboxMessages(trx: Kysely<Database>, now: Date, messages: readonly NewOutboxMessage[]): Promise<number[]> {
  if (messages.length === 0) return [];
  const rows = await trx
    .insertInto('outbox')
    .values(messages.map((message) => ({
      complaintId: message.complaintId, eventId: message.eventId, channel: message.channel,
      recipient: JSON.stringify(message.recipient), template: message.template, data: JSON.stringify(message.data),
      createdAt: now, nextAttemptAt: now,
    })))
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}
