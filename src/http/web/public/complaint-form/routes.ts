import { CappedMap } from 'altcha-lib';
import type { FastifyInstance } from 'fastify';
import type { HttpContext } from '../../../http-context.js';
import { createBotCheck, defaultBotCheckOptions } from './bot-check.js';
import { emptyForm } from './form-values.js';
import { sendReceiptPdf, showReceipt } from './receipt.js';
import { receiptPath } from './receipt-ticket.js';
import { renderForm, submitForm } from './submission.js';

export const formPath = '/pengaduan/baru';

const hidden = { hide: true };

/**
 * The complaint form (works without JavaScript: a multipart POST to the same path) and the
 * receipt it leads to. The form's rules are the API's; the use case is the same.
 */
export async function complaintFormPages(app: FastifyInstance, context: HttpContext): Promise<void> {
  const { deps } = context;
  // Without a proof of work a client address gets half the usual allowance (60 an hour by
  // default): mobile carriers put many people behind one address (README, "Limits").
  const botCheck = createBotCheck(deps, { ...defaultBotCheckOptions, withoutProofPerHour: withoutProofPerHour(context.limits.submissionsPerHour) });
  const shownTickets = new CappedMap<string, true>({ maxSize: 100_000 });
  const submissionLimit = { rateLimit: { max: context.limits.submissionsPerHour, timeWindow: '1 hour' } };

  app.get(formPath, { schema: hidden }, (request, reply) => renderForm(context, botCheck, request, reply, { values: emptyForm, problems: [], filesToChooseAgain: [] }, 200));
  app.post(formPath, { schema: hidden, config: submissionLimit }, (request, reply) => submitForm(context, botCheck, request, reply));
  app.get(receiptPath, { schema: hidden }, (request, reply) => showReceipt(deps, shownTickets, request, reply));
  app.post(`${receiptPath}/pdf`, { schema: hidden }, (request, reply) => sendReceiptPdf(deps, request, reply));
}

/** Submissions without a proof of work per client address and hour: half the general limit. */
export function withoutProofPerHour(submissionsPerHour: number): number {
  return Math.max(1, Math.ceil(submissionsPerHour / 2));
}
