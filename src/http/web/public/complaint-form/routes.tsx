import { CappedMap } from 'altcha-lib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { intakeTimeZone } from '../../../../app/intake/intake-time-zone.js';
import { listPublicCategories } from '../../../../app/intake/list-public-categories.js';
import { submitComplaint } from '../../../../app/intake/submit-complaint.js';
import { getResponseTimes } from '../../../../app/site/get-response-times.js';
import { getSiteContact } from '../../../../app/site/get-site-contact.js';
import { DomainError } from '../../../../domain/domain-error.js';
import type { HttpContext } from '../../../http-context.js';
import { httpStatusOf } from '../../../plugins/problem-details.js';
import { Layout } from '../../kit/layout.js';
import { redirectAfterPost, sendPage } from '../../kit/render.js';
import { checkCsrf, isSecure, webContext, type WebContext } from '../../kit/web-context.js';
import { createBotCheck, defaultBotCheckOptions } from './bot-check.js';
import { ComplaintFormPage } from './form-page.js';
import { checkForm, emptyForm, formValuesFrom, orderedProblems, problemsFromDomain, type FormProblem, type FormValues } from './form-values.js';
import { readComplaintForm, type SubmittedForm } from './read-form.js';
import { renderReceiptPdf } from '../../../../app/intake/receipt/receipt-pdf.js';
import { ReceiptPage } from './receipt-page.js';
import { openTicket, receiptCookieName, receiptPath, sealTicket, ticketLifetimeMs, type ReceiptTicket } from './receipt-ticket.js';

export const formPath = '/pengaduan/baru';

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

  const renderForm = async (request: FastifyRequest, reply: FastifyReply, form: { values: FormValues; problems: FormProblem[]; filesToChooseAgain: string[] }, status: number) => {
    const ctx = webContext(deps, request, reply);
    const [categories, challenge] = await Promise.all([listPublicCategories(deps), botCheck.newChallenge()]);
    return sendPage(reply, <ComplaintFormPage ctx={ctx} values={form.values} problems={form.problems} categories={categories} challenge={challenge} filesToChooseAgain={form.filesToChooseAgain} />, status);
  };

  app.get(formPath, { schema: { hide: true } }, async (request, reply) => renderForm(request, reply, { values: emptyForm, problems: [], filesToChooseAgain: [] }, 200));

  /** What a posted form leads to: the form again with its problems, or the receipt. */
  type Outcome = { refused: FormProblem[]; status: number; retryAfterSeconds?: number } | { ticket: ReceiptTicket };

  const decide = async (request: FastifyRequest, reply: FastifyReply, form: SubmittedForm, values: FormValues): Promise<Outcome> => {
    // Only now, with the fields read: a multipart body cannot be checked before it is parsed.
    checkCsrf(deps, request, form.fields._csrf);
    if ((form.fields.website ?? '') !== '') return { refused: [{ field: undefined, code: 'honeypot' }], status: 400 };
    const checked = checkForm(request, values, webContext(deps, request, reply).locale, form.files);
    const problems = [...('problems' in checked ? checked.problems : []), ...form.fileProblems];
    if (problems.length > 0 || !('input' in checked)) return { refused: problems, status: 400 };

    if (!(await botCheck.acceptProof(form.fields.altcha))) {
      const admission = await botCheck.admitWithoutProof(request.ip);
      if (!admission.admitted) {
        const retryAt = new Date(deps.clock.now().getTime() + admission.retryAfterSeconds * 1000).toISOString();
        const params = { retryAfterSeconds: admission.retryAfterSeconds, retryAt, timeZone: await intakeTimeZone(deps) };
        return { refused: [{ field: undefined, code: 'without_proof_limit', params }], status: 429, retryAfterSeconds: admission.retryAfterSeconds };
      }
    }
    try {
      const submitted = await submitComplaint(deps, checked.input);
      return {
        ticket: {
          id: Buffer.from(deps.random.bytes(12)).toString('base64url'),
          registerNumber: submitted.registerNumber, trackingCode: submitted.trackingCode, receivedAt: submitted.receivedAt.toISOString(),
          identityMode: checked.input.identity.mode, missing: submitted.completeness.missing, expiresAt: deps.clock.now().getTime() + ticketLifetimeMs.flash,
        },
      };
    } catch (error) {
      if (error instanceof DomainError && error.fields.length > 0) return { refused: problemsFromDomain(error.fields), status: httpStatusOf(error.code) };
      throw error;
    }
  };

  app.post(formPath, {
    schema: { hide: true },
    config: { rateLimit: { max: context.limits.submissionsPerHour, timeWindow: '1 hour' } },
  }, async (request, reply) => {
    const form = await readComplaintForm(request, context.uploadDir);
    const values = formValuesFrom(form.fields);
    let outcome: Outcome;
    try {
      outcome = await decide(request, reply, form, values);
    } finally {
      // Before anything is answered: no uploaded file outlives its request.
      await form.cleanup();
    }
    if ('refused' in outcome) {
      if (outcome.retryAfterSeconds !== undefined) void reply.header('retry-after', String(outcome.retryAfterSeconds));
      return renderForm(request, reply, { values, problems: orderedProblems(outcome.refused), filesToChooseAgain: form.chosenFileNames }, outcome.status);
    }
    void reply.setCookie(receiptCookieName, sealTicket(deps.keys, outcome.ticket, 'flash'), {
      path: receiptPath, httpOnly: true, sameSite: 'strict', secure: isSecure(request), maxAge: ticketLifetimeMs.flash / 1000,
    });
    // The enhancement script uploads with XMLHttpRequest (for its progress bar), which would
    // follow a redirect itself and spend the one-time receipt: it is told where to go instead.
    if (request.headers['x-aduan-upload'] === '1') return reply.code(200).header('cache-control', 'no-store').send({ location: receiptPath });
    return redirectAfterPost(reply, receiptPath);
  });

  app.get(receiptPath, { schema: { hide: true } }, async (request, reply) => {
    const ctx = webContext(deps, request, reply);
    const now = deps.clock.now();
    const ticket = openTicket(deps.keys, request.cookies[receiptCookieName], 'flash', now);
    // Shown once: a reload, the back button, another person at this browser or a copied
    // cookie finds nothing. (Remembered in memory for the ticket's 10 minutes.)
    void reply.clearCookie(receiptCookieName, { path: receiptPath, httpOnly: true, sameSite: 'strict', secure: isSecure(request) });
    if (!ticket || !shownTickets.setIfAbsent(ticket.id, true)) return sendPage(reply, <ReceiptGonePage ctx={ctx} />, 410);
    const pdfTicket = sealTicket(deps.keys, { ...ticket, expiresAt: now.getTime() + ticketLifetimeMs.pdf }, 'pdf');
    const [timeZone, times] = await Promise.all([intakeTimeZone(deps), getResponseTimes(deps)]);
    return sendPage(reply, <ReceiptPage ctx={ctx} ticket={ticket} pdfTicket={pdfTicket} timeZone={timeZone} times={times} />);
  });

  app.post(`${receiptPath}/pdf`, { schema: { hide: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    checkCsrf(deps, request, body._csrf);
    const ctx = webContext(deps, request, reply);
    const ticket = openTicket(deps.keys, body.ticket, 'pdf', deps.clock.now());
    if (!ticket) return sendPage(reply, <ReceiptGonePage ctx={ctx} />, 410);
    const [contact, timeZone] = await Promise.all([getSiteContact(deps), intakeTimeZone(deps)]);
    const pdf = await renderReceiptPdf(ctx.locale, ticket, { organisation: contact.organisation, timeZone, trackUrl: `${deps.publicUrl}/lacak` });
    return reply.code(200)
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="tanda-terima-${ticket.registerNumber.replace(/[^\w.-]/g, '_')}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });
}

/** Submissions without a proof of work per client address and hour: half the general limit. */
export function withoutProofPerHour(submissionsPerHour: number): number {
  return Math.max(1, Math.ceil(submissionsPerHour / 2));
}

function ReceiptGonePage({ ctx }: { ctx: WebContext }) {
  return (
    <Layout ctx={ctx} title={ctx.t('receipt.gone.title')}>
      <h1>{ctx.t('receipt.gone.title')}</h1>
      <p>{ctx.t('receipt.gone.body')}</p>
      <p><a class="button" href="/lacak">{ctx.t('receipt.track')}</a></p>
    </Layout>
  );
}
