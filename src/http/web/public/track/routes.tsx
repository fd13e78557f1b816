import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { applyReporterAction, type RequestedCaseAction } from '../../../../app/case-handling/apply-case-action.js';
import { renderCaseLetter } from '../../../../app/case-handling/render-case-letter.js';
import { addReporterAttachments } from '../../../../app/tracking/add-reporter-attachments.js';
import { addReporterMessage } from '../../../../app/tracking/add-reporter-message.js';
import { maxAttachmentsPerRequest } from '../../../../domain/complaint/attachment-policy.js';
import { DomainError } from '../../../../domain/domain-error.js';
import { fieldMessage, problemTitle } from '../../../../i18n/problem-messages.js';
import { reporterActionBodies } from '../../../shared/action-schemas.js';
import { readMultipart } from '../../../shared/multipart.js';
import { validated } from '../../../shared/validated.js';
import { trackWithAttemptLimit } from '../../../shared/tracking-attempts.js';
import type { HttpContext } from '../../../http-context.js';
import { httpStatusOf } from '../../../plugins/problem-details.js';
import { redirectAfterPost, sendPage } from '../../kit/render.js';
import { checkCsrf, webContext, type WebContext } from '../../kit/web-context.js';
import { CasePage, caseForms, doneNoticeOf, fieldIds, type CaseForm, type CaseFormFailure } from './case-page.js';
import { formFields, type FieldError } from '../../kit/form-errors.js';
import { getReporterCase } from '../../../../app/tracking/get-reporter-case.js';
import {
  casePath, hasReporterSession, signedInCase, signOutPath, signOutReporter, startReporterSession, toSessionEnded, trackPath,
} from './reporter-session.js';
import { registerNumberId, SignInPage, trackingCodeId } from './sign-in-page.js';
import { WithdrawPage } from './withdraw-page.js';

const hidden = { hide: true };
// As on the API's reporter routes: enough for a person, not for a script.
const reporterPostLimit = { rateLimit: { max: 30, timeWindow: '10 minutes' } };
// The API's POST /api/v1/reporter/messages body.
const messageBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false });
// The API's POST /api/v1/track body limits.
const trackBody = Type.Object({
  registerNumber: Type.String({ minLength: 1, maxLength: 40 }),
  trackingCode: Type.String({ minLength: 1, maxLength: 40 }),
}, { additionalProperties: false });

/** A post refused before any use case ran: the fields to show, beside them and in the summary. */
class FormRefusal extends Error {
  constructor(readonly errors: FieldError[]) {
    super('the form needs correcting');
  }
}

/**
 * The reporter's pages: `/lacak` signs in with register number and tracking code, `/lacak/kasus`
 * shows the case and takes the reporter's actions. Every post checks the form token, calls the
 * same use case as the JSON API, and answers 303 back to the case with a notice; a refusal
 * shows the page again with the errors, keeping what was typed.
 */
export async function trackPages(app: FastifyInstance, context: HttpContext): Promise<void> {
  const { deps } = context;

  app.get<{ Querystring: { sesi?: string; keluar?: string } }>(trackPath, { schema: hidden }, async (request, reply) => {
    const ctx = webContext(deps, request, reply);
    // A session still open is offered, never opened by itself: the next person at a shared
    // computer who clicks "Track" must not land in someone else's complaint.
    const notice = request.query.sesi === 'berakhir' ? 'session_ended'
      : request.query.keluar !== undefined ? 'signed_out'
        : (await hasReporterSession(deps, request)) ? 'still_signed_in' : undefined;
    return sendPage(reply, <SignInPage ctx={ctx} notice={notice} />);
  });

  app.post(trackPath, { schema: hidden, config: { rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (request, reply) => {
    const fields = formFields(request);
    checkCsrf(deps, request, fields._csrf);
    const ctx = webContext(deps, request, reply);
    const registerNumber = (fields.registerNumber ?? '').trim();
    const trackingCode = (fields.trackingCode ?? '').trim();
    const errors: FieldError[] = [];
    if (registerNumber === '') errors.push({ fieldId: registerNumberId, message: ctx.t('track.error.registerNumber.required') });
    if (trackingCode === '') errors.push({ fieldId: trackingCodeId, message: ctx.t('track.error.trackingCode.required') });
    try {
      if (errors.length > 0) throw new FormRefusal(errors);
      validated(request, trackBody, { registerNumber, trackingCode });
      const tracked = await trackWithAttemptLimit(context, request.ip, { registerNumber, trackingCode });
      startReporterSession(request, reply, tracked.accessToken);
      return redirectAfterPost(reply, casePath);
    } catch (error) {
      const refused = refusalOf(ctx, error, { registerNumber: registerNumberId, trackingCode: trackingCodeId }, trackingCodeId);
      if (error instanceof DomainError && error.code === 'tracking.too_many_attempts') {
        void reply.header('retry-after', String(error.details.retryAfterSeconds ?? 60));
      }
      // The same words whichever half was wrong, and the code is never written back into the page.
      return sendPage(reply, <SignInPage ctx={ctx} registerNumber={registerNumber} errors={refused.errors} />, refused.status);
    }
  });

  app.get<{ Querystring: { selesai?: string } }>(casePath, { schema: hidden }, async (request, reply) => {
    const complaintId = await signedInCase(deps, request, reply);
    if (complaintId === null) return toSessionEnded(request, reply);
    const ctx = webContext(deps, request, reply);
    const data = await getReporterCase(deps, complaintId);
    return sendPage(reply, <CasePage ctx={ctx} data={data} now={deps.clock.now()} done={doneNoticeOf(request.query.selesai)} />);
  });

  app.get(`${casePath}/surat`, { schema: hidden }, async (request, reply) => {
    const complaintId = await signedInCase(deps, request, reply);
    if (complaintId === null) return toSessionEnded(request, reply);
    const letter = await renderCaseLetter(deps, { kind: 'reporter' }, complaintId);
    return reply.type('application/pdf').header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${letter.fileName}"`).send(letter.pdf);
  });

  /** The reporter's text actions: the same body schema as the API, after friendlier "required" checks. */
  const textAction = (form: CaseForm, run: (complaintId: string, fields: Record<string, string>, ctx: WebContext, request: FastifyRequest) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const complaintId = await signedInCase(deps, request, reply);
      if (complaintId === null) return toSessionEnded(request, reply);
      const fields = formFields(request);
      checkCsrf(deps, request, fields._csrf);
      const ctx = webContext(deps, request, reply);
      try {
        await run(complaintId, fields, ctx, request);
        return redirectAfterPost(reply, `${casePath}?selesai=${caseForms[form].done}`);
      } catch (error) {
        const refused = refusalOf(ctx, error, pointerFields[form], defaultField[form]);
        const values = Object.fromEntries(Object.entries(fields).filter(([name]) => name !== '_csrf'));
        const data = await getReporterCase(deps, complaintId);
        const failure: CaseFormFailure = { form, errors: refused.errors, values, ...(refused.problem !== undefined ? { problem: refused.problem } : {}) };
        return sendPage(reply, <CasePage ctx={ctx} data={data} now={deps.clock.now()} failure={failure} />, refused.status);
      }
    };

  const reporterAction = (request: FastifyRequest, complaintId: string, action: keyof typeof reporterActionBodies, body: Record<string, unknown>) => {
    validated(request, reporterActionBodies[action], body);
    // The body passed the schema of exactly this action, which mirrors its CaseAction member.
    return applyReporterAction(deps, complaintId, { action, ...body } as RequestedCaseAction);
  };

  app.post(caseForms.answer.path, { schema: hidden, config: reporterPostLimit }, textAction('answer', async (complaintId, fields, ctx, request) => {
    const text = required(fields.text, fieldIds.answer, ctx.t('track.answer.required'));
    await reporterAction(request, complaintId, 'answer', { text });
  }));

  app.post(caseForms.message.path, { schema: hidden, config: reporterPostLimit }, textAction('message', async (complaintId, fields, ctx, request) => {
    const text = required(fields.text, fieldIds.message, ctx.t('track.message.required'));
    validated(request, messageBody, { text });
    await addReporterMessage(deps, complaintId, text);
  }));

  app.post(caseForms.rate.path, { schema: hidden, config: reporterPostLimit }, textAction('rate', async (complaintId, fields, ctx, request) => {
    const rating = /^[1-5]$/.test(fields.rating ?? '') ? Number(fields.rating) : undefined;
    if (rating === undefined) throw new FormRefusal([{ fieldId: fieldIds.rating, message: ctx.t('track.rate.required') }]);
    const comment = (fields.comment ?? '').trim();
    await reporterAction(request, complaintId, 'rate', { rating, ...(comment !== '' ? { comment } : {}) });
  }));

  app.post(caseForms.appeal.path, { schema: hidden, config: reporterPostLimit }, textAction('appeal', async (complaintId, fields, ctx, request) => {
    const reasons = required(fields.reasons, fieldIds.appeal, ctx.t('track.appeal.required'));
    await reporterAction(request, complaintId, 'appeal', { reasons });
  }));

  app.get(caseForms.withdraw.path, { schema: hidden }, async (request, reply) => {
    const complaintId = await signedInCase(deps, request, reply);
    if (complaintId === null) return toSessionEnded(request, reply);
    const ctx = webContext(deps, request, reply);
    const data = await getReporterCase(deps, complaintId);
    if (!data.actions.has('withdraw')) return reply.code(303).header('location', casePath).send();
    return sendPage(reply, <WithdrawPage ctx={ctx} registerNumber={data.view.registerNumber} />);
  });

  app.post(caseForms.withdraw.path, { schema: hidden, config: reporterPostLimit }, async (request, reply) => {
    const complaintId = await signedInCase(deps, request, reply);
    if (complaintId === null) return toSessionEnded(request, reply);
    const fields = formFields(request);
    checkCsrf(deps, request, fields._csrf);
    const ctx = webContext(deps, request, reply);
    try {
      const reason = required(fields.reason, fieldIds.withdrawReason, ctx.t('track.withdraw.required'));
      await reporterAction(request, complaintId, 'withdraw', { reason });
      return redirectAfterPost(reply, `${casePath}?selesai=${caseForms.withdraw.done}`);
    } catch (error) {
      const refused = refusalOf(ctx, error, pointerFields.withdraw, fieldIds.withdrawReason);
      const data = await getReporterCase(deps, complaintId);
      if (!data.actions.has('withdraw')) {
        const failure: CaseFormFailure = { form: 'withdraw', errors: [], values: {}, problem: refused.problem ?? problemTitle(ctx.locale, 'workflow.action_not_allowed') };
        return sendPage(reply, <CasePage ctx={ctx} data={data} now={deps.clock.now()} failure={failure} />, refused.status);
      }
      return sendPage(reply, <WithdrawPage ctx={ctx} registerNumber={data.view.registerNumber} reason={fields.reason} errors={refused.errors} problem={refused.problem} />, refused.status);
    }
  });

  // Multipart: the files stream to temporary files (10 MB each, as on the API) and are gone
  // again whatever happens, once the form token is checked and the use case has run.
  app.post(caseForms.evidence.path, { schema: hidden, config: reporterPostLimit }, async (request, reply) => {
    const complaintId = await signedInCase(deps, request, reply);
    if (complaintId === null) return toSessionEnded(request, reply);
    if (!request.isMultipart()) throw new DomainError('request.invalid', {}, [{ pointer: '/attachments', code: 'required' }]);
    let cleanup = async (): Promise<void> => {};
    let ctx: WebContext | undefined;
    try {
      const upload = await readMultipart(request, deps.files.tempDir, ['attachments']);
      cleanup = upload.cleanup;
      checkCsrf(deps, request, upload.fields._csrf);
      ctx = webContext(deps, request, reply);
      // A browser sends an empty, nameless part when no file was chosen.
      const files = (upload.files.attachments ?? []).filter((file) => file.sizeBytes > 0);
      if (files.length === 0) throw new FormRefusal([{ fieldId: fieldIds.evidence, message: ctx.t('track.evidence.required') }]);
      await addReporterAttachments(deps, complaintId, files);
      return redirectAfterPost(reply, `${casePath}?selesai=${caseForms.evidence.done}`);
    } catch (caught) {
      const error = uploadRefusalOf(caught);
      if (!(error instanceof DomainError || error instanceof FormRefusal)) throw error;
      ctx ??= webContext(deps, request, reply);
      const refused = refusalOf(ctx, error, pointerFields.evidence, fieldIds.evidence);
      const data = await getReporterCase(deps, complaintId);
      const failure: CaseFormFailure = { form: 'evidence', errors: refused.errors, values: {}, ...(refused.problem !== undefined ? { problem: refused.problem } : {}) };
      return sendPage(reply, <CasePage ctx={ctx} data={data} now={deps.clock.now()} failure={failure} />, refused.status);
    } finally {
      await cleanup();
    }
  });

  app.post(signOutPath, { schema: hidden }, async (request, reply) => {
    checkCsrf(deps, request, formFields(request)._csrf);
    await signOutReporter(deps, request, reply);
    return redirectAfterPost(reply, `${trackPath}?keluar=1`);
  });
}

/** Which field of each form a problem's JSON pointer names (the API's field names). */
const pointerFields: Record<CaseForm, Record<string, string>> = {
  answer: { text: fieldIds.answer },
  message: { text: fieldIds.message },
  evidence: { attachments: fieldIds.evidence },
  rate: { rating: fieldIds.rating, comment: fieldIds.ratingComment },
  appeal: { reasons: fieldIds.appeal },
  withdraw: { reason: fieldIds.withdrawReason },
};
const defaultField: Record<CaseForm, string> = {
  answer: fieldIds.answer, message: fieldIds.message, evidence: fieldIds.evidence, rate: fieldIds.rating, appeal: fieldIds.appeal, withdraw: fieldIds.withdrawReason,
};

/**
 * The multipart parser's own limits, in the use cases' terms: a file over 10 MB is stopped as
 * it streams in, and only the parser knows; the page says which file, beside the field.
 */
function uploadRefusalOf(error: unknown): unknown {
  const { code, part } = (error ?? {}) as { code?: unknown; part?: { filename?: unknown } };
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    const fileName = typeof part?.filename === 'string' ? part.filename : '';
    return new DomainError('attachment.too_large', { fileName }, [{ pointer: '/attachments', code: 'attachment_size', params: { fileName } }]);
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') return new DomainError('attachment.too_many', { max: maxAttachmentsPerRequest });
  return error;
}

/** The trimmed text, or a refusal naming the field with the words to show. */
function required(value: string | undefined, fieldId: string, message: string): string {
  const text = (value ?? '').trim();
  if (text === '') throw new FormRefusal([{ fieldId, message }]);
  return text;
}

interface Refusal {
  errors: FieldError[];
  problem?: string;
  status: number;
}

/**
 * A refusal in the words the API would use (the same titles and field messages, in the page's
 * language): beside the field it concerns, or for the whole form. Anything else is not a
 * refusal and goes on to the error page.
 */
function refusalOf(ctx: WebContext, error: unknown, fieldsByName: Record<string, string>, fallbackField: string): Refusal {
  if (error instanceof FormRefusal) return { errors: error.errors, status: 400 };
  if (!(error instanceof DomainError)) throw error;
  const status = httpStatusOf(error.code);
  const title = problemTitle(ctx.locale, error.code);
  if (error.fields.length > 0) {
    const errors = error.fields.map((field) => ({
      fieldId: fieldsByName[field.pointer.split('/')[1] ?? ''] ?? fallbackField,
      message: fieldMessage(ctx.locale, field.code, field.params),
    }));
    return { errors, status };
  }
  // Refusals of a file, of a tracking pair, of too many tries: beside the field they concern.
  if (error.code.startsWith('attachment.') || error.code.startsWith('tracking.')) {
    return { errors: [{ fieldId: fallbackField, message: title }], status };
  }
  if (error.code === 'workflow.action_not_allowed' || error.code === 'complaint.is_final') {
    return { errors: [], problem: `${title}. ${ctx.t('track.error.stale')}`, status };
  }
  return { errors: [], problem: title, status };
}
