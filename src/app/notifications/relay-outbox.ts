import {
  claimDueOutboxMessages, markOutboxAttemptFailed, markOutboxDelivered, type ClaimedOutboxMessage, type DeliveryOutcome,
} from '../../store/outbox-delivery.js';
import type { AppDeps } from '../deps.js';
import { mailSender } from './mail-sender.js';
import { UndeliverableMessage, type OutboxSenders } from './outbox-sender.js';

export interface RelaySettings {
  /** Messages claimed per round trip. */
  batchSize: number;
  /** Attempts before a message is given up (outcome `failed`, last_error kept for administrators). */
  maxAttempts: number;
  /** How long a claim keeps other relays off a message; a relay that dies mid-send frees it after this. */
  leaseMs: number;
  /** The wait after the first failure; it doubles with each further failure up to `maxRetryMs`. */
  firstRetryMs: number;
  maxRetryMs: number;
}

export const defaultRelaySettings: RelaySettings = {
  batchSize: 20, maxAttempts: 10, leaseMs: 5 * 60_000, firstRetryMs: 30_000, maxRetryMs: 60 * 60_000,
};

export interface RelayReport {
  delivered: Record<DeliveryOutcome, number>;
  retrying: number;
  failed: number;
}

/** 30 s, 1 min, 2 min, 4 min … up to the cap: the wait after failed attempt number `attempt`. */
export function retryDelayMs(attempt: number, settings: Pick<RelaySettings, 'firstRetryMs' | 'maxRetryMs'>): number {
  return Math.min(settings.maxRetryMs, settings.firstRetryMs * 2 ** Math.max(0, attempt - 1));
}

/** The senders the relay uses unless given others: today every message leaves by mail. */
export const defaultOutboxSenders: OutboxSenders = { email: mailSender };

/**
 * Delivers every message that is due, one claim at a time. Several relays (worker
 * processes on several app nodes) may run at once: a claim skips rows another relay holds,
 * and pushes them past a lease. The only way a mail goes out twice is a relay dying after
 * the mail server accepted it and before the mark below, and then only after the lease.
 */
export async function relayOutbox(deps: AppDeps, settings: RelaySettings = defaultRelaySettings, senders: OutboxSenders = defaultOutboxSenders): Promise<RelayReport> {
  const report: RelayReport = { delivered: { sent: 0, mail_off: 0, no_address: 0 }, retrying: 0, failed: 0 };
  for (;;) {
    const now = deps.clock.now();
    const claimed = await claimDueOutboxMessages(deps.db, { now, leaseUntil: new Date(now.getTime() + settings.leaseMs), limit: settings.batchSize });
    if (claimed.length === 0) return report;
    for (const message of claimed) {
      try {
        const outcome = await deliver(deps, senders, message);
        if (await markOutboxDelivered(deps.db, message.id, message.attempt, outcome, deps.clock.now())) report.delivered[outcome] += 1;
      } catch (error) {
        const isFinal = error instanceof UndeliverableMessage || message.attempt >= settings.maxAttempts;
        const retryAt = isFinal ? null : new Date(deps.clock.now().getTime() + retryDelayMs(message.attempt, settings));
        await markOutboxAttemptFailed(deps.db, message.id, message.attempt, describeFailure(error), retryAt);
        if (isFinal) report.failed += 1;
        else report.retrying += 1;
      }
    }
  }
}

/** Each message goes out by the sender registered for its channel: a reply leaves the way the case asks. */
async function deliver(deps: AppDeps, senders: OutboxSenders, message: ClaimedOutboxMessage): Promise<DeliveryOutcome> {
  const sender: OutboxSenders[keyof OutboxSenders] | undefined = senders[message.channel];
  if (sender === undefined) throw new UndeliverableMessage(`no sender for channel "${message.channel}"`);
  return sender.deliver(deps, message);
}

/**
 * The reason kept in last_error for administrators. A mail server's refusal often quotes the
 * recipient ("550 <a@b>: mailbox unavailable"), and no address may be stored: they are cut out.
 */
export function describeFailure(error: unknown): string {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return raw.replace(/[^\s<>"'@,;:()[\]]+@[^\s<>"'@,;:()[\]]+/g, '[address]').slice(0, 500);
}
