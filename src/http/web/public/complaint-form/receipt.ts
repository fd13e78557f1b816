import type { CappedMap } from 'altcha-lib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../app/deps.js';
import { intakeTimeZone } from '../../../../app/intake/intake-time-zone.js';
import { renderReceiptPdf } from '../../../../documents/receipt/receipt-pdf.js';
import { getResponseTimes } from '../../../../app/site/get-response-times.js';
import { getSiteContact } from '../../../../app/site/get-site-contact.js';
import { sendPage, view } from '../../kit/render.js';
import { checkCsrf, isSecure, webContext } from '../../kit/web-context.js';
import { ReceiptGonePage } from './receipt-gone-page.js';
import { ReceiptPage } from './receipt-page.js';
import { openTicket, receiptCookieName, receiptPath, sealTicket, ticketLifetimeMs } from './receipt-ticket.js';

/**
 * The receipt, shown once: a reload, the back button, another person at this browser or a
 * copied cookie finds nothing. (Remembered in memory for the ticket's 10 minutes.)
 */
export async function showReceipt(deps: AppDeps, shownTickets: CappedMap<string, true>, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const ctx = webContext(deps, request, reply);
  const now = deps.clock.now();
  const ticket = openTicket(deps.keys, request.cookies[receiptCookieName], 'flash', now);
  void reply.clearCookie(receiptCookieName, { path: receiptPath, httpOnly: true, sameSite: 'strict', secure: isSecure(request) });
  if (!ticket || !shownTickets.setIfAbsent(ticket.id, true)) return sendPage(reply, view(ReceiptGonePage, { ctx }), 410);
  const pdfTicket = sealTicket(deps.keys, { ...ticket, expiresAt: now.getTime() + ticketLifetimeMs.pdf }, 'pdf');
  const [timeZone, times] = await Promise.all([intakeTimeZone(deps), getResponseTimes(deps)]);
  return sendPage(reply, view(ReceiptPage, { ctx, ticket, pdfTicket, timeZone, times }));
}

/** The receipt as a PDF, for the ticket the receipt page carried in its form. */
export async function sendReceiptPdf(deps: AppDeps, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  checkCsrf(deps, request, body._csrf);
  const ctx = webContext(deps, request, reply);
  const ticket = openTicket(deps.keys, body.ticket, 'pdf', deps.clock.now());
  if (!ticket) return sendPage(reply, view(ReceiptGonePage, { ctx }), 410);
  const [contact, timeZone] = await Promise.all([getSiteContact(deps), intakeTimeZone(deps)]);
  const pdf = await renderReceiptPdf(ctx.locale, ticket, { organisation: contact.organisation, timeZone, trackUrl: `${deps.publicUrl}/lacak` });
  return reply.code(200)
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="tanda-terima-${ticket.registerNumber.replace(/[^\w.-]/g, '_')}.pdf"`)
    .header('cache-control', 'no-store')
    .send(pdf);
}
