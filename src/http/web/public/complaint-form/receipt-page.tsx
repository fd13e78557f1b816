import type { ResponseTimes } from '../../../../app/site/get-response-times.js';
import type { MessageKey } from '../../../../i18n/web/catalog.js';
import { CodeGroups } from '../../kit/code-groups.js';
import { formatDateTime } from '../../kit/format.js';
import { Layout } from '../../kit/layout.js';
import type { WebContext } from '../../kit/web-context.js';
import { durationText } from '../../kit/duration-text.js';
import { receiptPath, type ReceiptTicket } from './receipt-ticket.js';
import { LostCode } from '../track/lost-code.js';

export const modeKeys: Record<ReceiptTicket['identityMode'], MessageKey> = {
  identified: 'receipt.mode.identified', confidential: 'receipt.mode.confidential', anonymous: 'receipt.mode.anonymous',
};

export const factKeys: Record<string, MessageKey> = {
  what: 'form.checklist.what', who: 'form.checklist.who', when: 'form.checklist.when', where: 'form.checklist.where', how: 'form.checklist.how',
};

/** Shown once, right after the complaint is sent: the only time the tracking code is readable. */
export function ReceiptPage({ ctx, ticket, pdfTicket, timeZone, times }: { ctx: WebContext; ticket: ReceiptTicket; pdfTicket: string; timeZone: string; times: ResponseTimes }) {
  const { t, locale } = ctx;
  const missing = ticket.missing.flatMap((fact) => (factKeys[fact] ? [t(factKeys[fact]).toLowerCase()] : []));
  return (
    <Layout ctx={ctx} title={t('receipt.title')} scripts={['complaint-form.js']}>
      <div class="receipt">
        <h1>{t('receipt.title')}</h1>
        <p>{t('receipt.thanks', { date: formatDateTime(locale, new Date(ticket.receivedAt), timeZone) })}</p>
        <dl>
          <dt>{t('receipt.registerNumber')}</dt>
          <dd class="code-display" data-register-number><CodeGroups code={ticket.registerNumber} /></dd>
          <dt>{t('receipt.trackingCode')}</dt>
          <dd class="code-display" data-tracking-code><CodeGroups code={ticket.trackingCode} /></dd>
        </dl>
        <p>{t('receipt.identity')}: <strong>{t(modeKeys[ticket.identityMode])}</strong></p>
      </div>
      <div class="notice notice--warning">
        <h2>{t('receipt.warning.title')}</h2>
        <p>{t('receipt.warning.once')}</p>
        <p>{t('receipt.warning.secret')}</p>
      </div>
      <form method="post" action={`${receiptPath}/pdf`} class="actions">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="ticket" value={pdfTicket} />
        <button type="submit" class="button">{t('receipt.pdf')}</button>
        <span hidden data-print><button type="button" class="button button--secondary">{t('receipt.print')}</button></span>
      </form>
      <h2>{t('receipt.next.title')}</h2>
      <ol>
        <li>{t('receipt.next.1')}</li>
        <li>{t('receipt.next.2', { general: durationText(ctx, times.byChannel.web), whistleblowing: durationText(ctx, times.whistleblowing) })}</li>
        <li>{t('receipt.next.3')}</li>
      </ol>
      {missing.length > 0 && <p class="notice">{t('receipt.missing', { facts: missing.join(', ') })}</p>}
      <p><a href="/lacak">{t('receipt.track')}</a></p>
      <LostCode ctx={ctx} />
    </Layout>
  );
}
