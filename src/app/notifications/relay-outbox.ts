import { renderMail, type RenderedMail } from '../../i18n/mail/render-mail.js';
import { findComplaintById } from '../../store/complaints.js';
import {
  claimDueOutboxMessages, markOutboxAttemptFailed, markOutboxDelivered, type ClaimedOutboxMessage, type DeliveryOutcome,
} from '../../store/outbox-delivery.js';
import { findActiveStaffEmail } from '../../store/staff-mail-addresses.js';
import { unsealIdentity } from '../cases/load-case.js';
import type { AppDeps } from '../deps.js';

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

/** A message that can never be sent: retrying would not help. */
class UndeliverableMessage extends Error {}

/**
 * Delivers every message that is due, one claim at a time. Several relays (worker
 * processes on several app nodes) may run at once: a claim skips rows another relay holds,
 * and pushes them past a lease. The only way a mail goes out twice is a relay dying after
 * the mail server accepted it and before the mark below, and then only after the lease.
 */
export async function relayOutbox(deps: AppDeps, settings: RelaySettings = defaultRelaySettings): Promise<RelayReport> {
  const report: RelayReport = { delivered: { sent: 0, mail_off: 0, no_address: 0 }, retrying: 0, failed: 0 };
  for (;;) {
    const now = deps.clock.now();
    const claimed = await claimDueOutboxMessages(deps.db, { now, leaseUntil: new Date(now.getTime() + settings.leaseMs), limit: settings.batchSize });
    if (claimed.length === 0) return report;
    for (const message of claimed) {
      try {
        const outcome = await deliver(deps, message);
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

async function deliver(deps: AppDeps, message: ClaimedOutboxMessage): Promise<DeliveryOutcome> {
  if (message.recipient.kind === 'staff') {
    const mail = rendered(deps, message, 'staff', 'id');
    // Read now, not when the message was queued: a changed address is used, a deactivated account gets nothing.
    const to = await findActiveStaffEmail(deps.db, message.recipient.userId);
    if (to === undefined) return 'no_address';
    return deps.mailer.send({ to, ...mail });
  }
  const complaint = await findComplaintById(deps.db, message.recipient.complaintId);
  if (complaint === undefined) throw new UndeliverableMessage('the complaint does not exist');
  const mail = rendered(deps, message, 'reporter', complaint.locale === 'en' ? 'en' : 'id');
  // Anonymous reporters, and reporters who left only a phone or a postal address, get no mail: done, not failed.
  const to = unsealIdentity(deps.keys, complaint)?.email?.trim();
  if (to === undefined || to === '') return 'no_address';
  return deps.mailer.send({ to, ...mail });
}

function rendered(deps: AppDeps, message: ClaimedOutboxMessage, audience: 'reporter' | 'staff', locale: 'id' | 'en'): RenderedMail {
  const mail = renderMail({ template: message.template, audience, locale, data: message.data, publicUrl: deps.publicUrl, complaintId: message.complaintId });
  if (mail === undefined) throw new UndeliverableMessage(`no ${audience} mail template "${message.template}"`);
  return mail;
}

/**
 * The reason kept in last_error for administrators. A mail server's refusal often quotes the
 * recipient ("550 <a@b>: mailbox unavailable"), and no address may be stored: they are cut out.
 */
export function describeFailure(error: unknown): string {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return raw.replace(/[^\s<>"'@,;:()[\]]+@[^\s<>"'@,;:()[\]]+/g, '[address]').slice(0, 500);
}
