import type { FastifyReply, FastifyRequest } from 'fastify';
import { intakeTimeZone } from '../../../../app/intake/intake-time-zone.js';
import { listPublicCategories } from '../../../../app/intake/list-public-categories.js';
import { submitComplaint, type SubmitComplaintInput } from '../../../../app/intake/submit-complaint.js';
import { DomainError } from '../../../../domain/domain-error.js';
import type { HttpContext } from '../../../http-context.js';
import { httpStatusOf, sayRetryAfter } from '../../../plugins/problem-details.js';
import { redirectAfterPost, sendPage, view } from '../../kit/render.js';
import { checkCsrf, isSecure, webContext } from '../../kit/web-context.js';
import type { BotCheck } from './bot-check.js';
import { ComplaintFormPage } from './form-page.js';
import { checkForm, formValuesFrom, orderedProblems, problemsFromDomain, type FormProblem, type FormValues } from './form-values.js';
import { readComplaintForm, type SubmittedForm } from './read-form.js';
import { receiptCookieName, receiptPath, sealTicket, ticketLifetimeMs, type ReceiptTicket } from './receipt-ticket.js';

/** The form as it is shown: what was typed, its problems, and the files to choose again after a refusal. */
export interface ShownForm {
  values: FormValues;
  problems: FormProblem[];
  filesToChooseAgain: string[];
}

/** What a posted form leads to: the form again with its problems, or the receipt. */
type Outcome = { refused: FormProblem[]; status: number; retryAfterSeconds?: number } | { ticket: ReceiptTicket };

export async function renderForm(context: HttpContext, botCheck: BotCheck, request: FastifyRequest, reply: FastifyReply, form: ShownForm, status: number): Promise<FastifyReply> {
  const ctx = webContext(context.deps, request, reply);
  const [categories, challenge] = await Promise.all([listPublicCategories(context.deps), botCheck.newChallenge()]);
  return sendPage(reply, view(ComplaintFormPage, { ctx, ...form, categories, challenge }), status);
}

/** A posted form: read (its files to temporary files), decided, and every uploaded file gone before the answer. */
export async function submitForm(context: HttpContext, botCheck: BotCheck, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const form = await readComplaintForm(request, context.uploadDir);
  const values = formValuesFrom(form.fields);
  let outcome: Outcome;
  try {
    outcome = await decide(context, botCheck, request, reply, form, values);
  } finally {
    // Before anything is answered: no uploaded file outlives its request.
    await form.cleanup();
  }
  if ('ticket' in outcome) return toReceipt(context, request, reply, outcome.ticket);
  if (outcome.retryAfterSeconds !== undefined) sayRetryAfter(reply, { retryAfterSeconds: outcome.retryAfterSeconds });
  return renderForm(context, botCheck, request, reply, { values, problems: orderedProblems(outcome.refused), filesToChooseAgain: form.chosenFileNames }, outcome.status);
}

async function decide(context: HttpContext, botCheck: BotCheck, request: FastifyRequest, reply: FastifyReply, form: SubmittedForm, values: FormValues): Promise<Outcome> {
  // Only now, with the fields read: a multipart body cannot be checked before it is parsed.
  checkCsrf(context.deps, request, form.fields._csrf);
  if ((form.fields.website ?? '') !== '') return { refused: [{ field: undefined, code: 'honeypot' }], status: 400 };
  const checked = checkForm(request, values, webContext(context.deps, request, reply).locale, form.files);
  const problems = [...('problems' in checked ? checked.problems : []), ...form.fileProblems];
  if (problems.length > 0 || !('input' in checked)) return { refused: problems, status: 400 };
  return (await refusedWithoutProof(context, botCheck, request, form)) ?? submit(context, checked.input);
}

/** Without a solved proof of work, a client address gets a smaller allowance (README, "Limits"). */
async function refusedWithoutProof(context: HttpContext, botCheck: BotCheck, request: FastifyRequest, form: SubmittedForm): Promise<Outcome | undefined> {
  if (await botCheck.acceptProof(form.fields.altcha)) return undefined;
  const admission = await botCheck.admitWithoutProof(request.ip);
  if (admission.admitted) return undefined;
  const { deps } = context;
  const retryAt = new Date(deps.clock.now().getTime() + admission.retryAfterSeconds * 1000).toISOString();
  const params = { retryAfterSeconds: admission.retryAfterSeconds, retryAt, timeZone: await intakeTimeZone(deps) };
  return { refused: [{ field: undefined, code: 'without_proof_limit', params }], status: 429, retryAfterSeconds: admission.retryAfterSeconds };
}

async function submit(context: HttpContext, input: SubmitComplaintInput): Promise<Outcome> {
  const { deps } = context;
  try {
    const submitted = await submitComplaint(deps, input);
    return {
      ticket: {
        id: Buffer.from(deps.random.bytes(12)).toString('base64url'),
        registerNumber: submitted.registerNumber, trackingCode: submitted.trackingCode, receivedAt: submitted.receivedAt.toISOString(),
        identityMode: input.identity.mode, missing: submitted.completeness.missing, expiresAt: deps.clock.now().getTime() + ticketLifetimeMs.flash,
      },
    };
  } catch (error) {
    if (error instanceof DomainError && error.fields.length > 0) return { refused: problemsFromDomain(error.fields), status: httpStatusOf(error.code) };
    throw error;
  }
}

/** On to the receipt, its ticket in a short-lived cookie. */
function toReceipt(context: HttpContext, request: FastifyRequest, reply: FastifyReply, ticket: ReceiptTicket): FastifyReply {
  void reply.setCookie(receiptCookieName, sealTicket(context.deps.keys, ticket, 'flash'), {
    path: receiptPath, httpOnly: true, sameSite: 'strict', secure: isSecure(request), maxAge: ticketLifetimeMs.flash / 1000,
  });
  // The enhancement script uploads with XMLHttpRequest (for its progress bar), which would
  // follow a redirect itself and spend the one-time receipt: it is told where to go instead.
  if (request.headers['x-aduan-upload'] === '1') return reply.code(200).header('cache-control', 'no-store').send({ location: receiptPath });
  return redirectAfterPost(reply, receiptPath);
}
