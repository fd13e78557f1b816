import { renderMail, type RenderedMail } from '../../i18n/mail/render-mail.js';
import { findComplaintById } from '../../store/complaints.js';
import type { ClaimedOutboxMessage, DeliveryOutcome } from '../../store/outbox-delivery.js';
import { findActiveStaffEmail } from '../../store/staff-mail-addresses.js';
import { unsealIdentity } from '../cases/load-case.js';
import type { AppDeps } from '../deps.js';
import { UndeliverableMessage, type OutboxSender } from './outbox-sender.js';

/** The `email` channel: renders the mail in the recipient's language and hands it to the mailer. */
export const mailSender: OutboxSender = {
  async deliver(deps: AppDeps, message: ClaimedOutboxMessage): Promise<DeliveryOutcome> {
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
  },
};

function rendered(deps: AppDeps, message: ClaimedOutboxMessage, audience: 'reporter' | 'staff', locale: 'id' | 'en'): RenderedMail {
  const mail = renderMail({ template: message.template, audience, locale, data: message.data, publicUrl: deps.publicUrl, complaintId: message.complaintId });
  if (mail === undefined) throw new UndeliverableMessage(`no ${audience} mail template "${message.template}"`);
  return mail;
}
