import type { OutboxChannel } from '../../domain/notifications/outbox-channel.js';
import type { ClaimedOutboxMessage, DeliveryOutcome } from '../../store/outbox-delivery.js';
import type { AppDeps } from '../deps.js';

/**
 * Sends the outbox's messages of one channel: looks up the recipient's address on that
 * channel when it sends (never stored with the message), renders the template for it, and
 * hands it over. Resolves with how it left; rejects to be retried, or with
 * `UndeliverableMessage` when retrying cannot help.
 */
export interface OutboxSender {
  deliver(deps: AppDeps, message: ClaimedOutboxMessage): Promise<DeliveryOutcome>;
}

/** One sender per channel a message can leave by; a channel adapter that can send registers its own. */
export type OutboxSenders = Readonly<Record<OutboxChannel, OutboxSender>>;

/** A message that can never be sent: retrying would not help. */
export class UndeliverableMessage extends Error {}
