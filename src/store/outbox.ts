import type { Kysely } from 'kysely';
import type { OutboxChannel } from '../domain/notifications/outbox-channel.js';
import type { MessageTemplate } from '../domain/notifications/templates.js';
import type { Database } from './schema.js';

/** Who a message is for, by reference only: addresses are decrypted by the sender. */
export type OutboxRecipient = { kind: 'reporter'; complaintId: string } | { kind: 'staff'; userId: number };

export interface NewOutboxMessage {
  complaintId: string | null;
  eventId: number | null;
  channel: OutboxChannel;
  recipient: OutboxRecipient;
  template: MessageTemplate;
  data: Record<string, unknown>;
}

/**
 * Returns the new rows' ids, in the order of `messages`. A staff member's message also lands in
 * their in-app notifications here, in the caller's transaction: they see it when the change
 * commits, mail or no mail. (The relay still adds one for a row queued before this was so.)
 */
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
  const ids = rows.map((row) => row.id);
  const notifications = messages.flatMap((message, index) => message.recipient.kind === 'staff' ? [{
    userId: message.recipient.userId, complaintId: message.complaintId, outboxId: ids[index] ?? null,
    template: message.template, data: JSON.stringify(message.data), createdAt: now, readAt: null,
  }] : []);
  if (notifications.length > 0) await trx.insertInto('notifications').values(notifications).execute();
  return ids;
}
