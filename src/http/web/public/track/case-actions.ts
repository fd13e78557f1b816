import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { applyReporterAction, type RequestedCaseAction } from '../../../../app/tracking/apply-reporter-action.js';
import type { AppDeps } from '../../../../app/deps.js';
import { addReporterAttachments } from '../../../../app/tracking/add-reporter-attachments.js';
import { addReporterMessage } from '../../../../app/tracking/add-reporter-message.js';
import { getReporterCase } from '../../../../app/tracking/get-reporter-case.js';
import { DomainError } from '../../../../domain/domain-error.js';
import { problemTitle } from '../../../../i18n/problem-messages.js';
import type { HttpContext } from '../../../http-context.js';
import { reporterActionBodies } from '../../../shared/action-schemas.js';
import { parserLimitRefusal, readMultipart } from '../../../shared/multipart.js';
import { validated } from '../../../shared/validated.js';
import { formFields } from '../../kit/form-errors.js';
import { FormRefusal, pageRefusalOf, requiredText, type FormFieldIds, type PageRefusal } from '../../kit/refusal.js';
import { redirectAfterPost, sendPage, view } from '../../kit/render.js';
import { checkCsrf, webContext, type WebContext } from '../../kit/web-context.js';
import { CasePage, caseForms, fieldIds, type CaseForm, type CaseFormFailure } from './case-page.js';
import { casePath, withCase } from './reporter-session.js';
import { WithdrawPage } from './withdraw-page.js';

// The API's POST /api/v1/reporter/messages body.
const messageBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false });

/** Which field of each form a problem's JSON pointer names (the API's field names), and the one for the rest. */
const formFieldIds: Record<CaseForm, FormFieldIds> = {
  answer: { byName: { text: fieldIds.answer }, fallback: fieldIds.answer },
  message: { byName: { text: fieldIds.message }, fallback: fieldIds.message },
  evidence: { byName: { attachments: fieldIds.evidence }, fallback: fieldIds.evidence },
  rate: { byName: { rating: fieldIds.rating, comment: fieldIds.ratingComment }, fallback: fieldIds.rating },
  appeal: { byName: { reasons: fieldIds.appeal }, fallback: fieldIds.appeal },
  withdraw: { byName: { reason: fieldIds.withdrawReason }, fallback: fieldIds.withdrawReason },
};

type TextAction = (complaintId: string, fields: Record<string, string>, ctx: WebContext, request: FastifyRequest) => Promise<unknown>;

/** The case page again after a refused post: the form's errors beside its fields, what was typed kept. */
async function showCaseFailure(deps: AppDeps, reply: FastifyReply, ctx: WebContext, complaintId: string, failure: CaseFormFailure, status: number): Promise<FastifyReply> {
  const data = await getReporterCase(deps, complaintId);
  return sendPage(reply, view(CasePage, { ctx, data, now: deps.clock.now(), failure }), status);
}

function failureOf(form: CaseForm, refused: PageRefusal, values: Record<string, string>): CaseFormFailure {
  return { form, errors: refused.errors, values, ...(refused.problem !== undefined ? { problem: refused.problem } : {}) };
}

const donePath = (form: CaseForm): string => `${casePath}?selesai=${caseForms[form].done}`;

/**
 * The reporter's text actions: the form token checked, the same body schema as the API after
 * friendlier "required" checks, then 303 back to the case with a notice, or the case page
 * again with the errors, keeping what was typed.
 */
export function textActionPost(deps: AppDeps, form: CaseForm, run: TextAction) {
  return withCase(deps, async (complaintId, request, reply) => {
    const fields = formFields(request);
    checkCsrf(deps, request, fields._csrf);
    const ctx = webContext(deps, request, reply);
    try {
      await run(complaintId, fields, ctx, request);
      return redirectAfterPost(reply, donePath(form));
    } catch (error) {
      const refused = pageRefusalOf(ctx, reply, error, formFieldIds[form]);
      const values = Object.fromEntries(Object.entries(fields).filter(([name]) => name !== '_csrf'));
      return showCaseFailure(deps, reply, ctx, complaintId, failureOf(form, refused, values), refused.status);
    }
  });
}

/** One of the reporter's workflow actions, its body checked by exactly that action's API schema. */
function reporterAction(deps: AppDeps, request: FastifyRequest, complaintId: string, action: keyof typeof reporterActionBodies, body: Record<string, unknown>) {
  validated(request, reporterActionBodies[action], body);
  // The body passed the schema of exactly this action, which mirrors its CaseAction member.
  return applyReporterAction(deps, complaintId, { action, ...body } as RequestedCaseAction);
}

/** The text actions' steps: what each form requires, then the use case the API calls too. */
export function textActions(deps: AppDeps): Record<'answer' | 'message' | 'rate' | 'appeal', TextAction> {
  return {
    answer: async (complaintId, fields, ctx, request) => {
      await reporterAction(deps, request, complaintId, 'answer', { text: requiredText(fields.text, fieldIds.answer, ctx.t('track.answer.required')) });
    },
    message: async (complaintId, fields, ctx, request) => {
      const text = requiredText(fields.text, fieldIds.message, ctx.t('track.message.required'));
      validated(request, messageBody, { text });
      await addReporterMessage(deps, complaintId, text);
    },
    rate: async (complaintId, fields, ctx, request) => {
      const rating = /^[1-5]$/.test(fields.rating ?? '') ? Number(fields.rating) : undefined;
      if (rating === undefined) throw new FormRefusal([{ fieldId: fieldIds.rating, message: ctx.t('track.rate.required') }]);
      const comment = (fields.comment ?? '').trim();
      await reporterAction(deps, request, complaintId, 'rate', { rating, ...(comment !== '' ? { comment } : {}) });
    },
    appeal: async (complaintId, fields, ctx, request) => {
      await reporterAction(deps, request, complaintId, 'appeal', { reasons: requiredText(fields.reasons, fieldIds.appeal, ctx.t('track.appeal.required')) });
    },
  };
}

/** The withdrawal's own page, offered only while the case can still be withdrawn. */
export function withdrawPage(deps: AppDeps) {
  return withCase(deps, async (complaintId, request, reply) => {
    const ctx = webContext(deps, request, reply);
    const data = await getReporterCase(deps, complaintId);
    if (!data.actions.has('withdraw')) return reply.code(303).header('location', casePath).send();
    return sendPage(reply, view(WithdrawPage, { ctx, registerNumber: data.view.registerNumber }));
  });
}

export function withdrawPost(deps: AppDeps) {
  return withCase(deps, async (complaintId, request, reply) => {
    const fields = formFields(request);
    checkCsrf(deps, request, fields._csrf);
    const ctx = webContext(deps, request, reply);
    try {
      const reason = requiredText(fields.reason, fieldIds.withdrawReason, ctx.t('track.withdraw.required'));
      await reporterAction(deps, request, complaintId, 'withdraw', { reason });
      return redirectAfterPost(reply, donePath('withdraw'));
    } catch (error) {
      return showWithdrawRefusal(deps, reply, ctx, complaintId, fields.reason, pageRefusalOf(ctx, reply, error, formFieldIds.withdraw));
    }
  });
}

/** The withdrawal page again; or, when the case can no longer be withdrawn, the case page saying so. */
async function showWithdrawRefusal(deps: AppDeps, reply: FastifyReply, ctx: WebContext, complaintId: string, reason: string | undefined, refused: PageRefusal): Promise<FastifyReply> {
  const data = await getReporterCase(deps, complaintId);
  if (!data.actions.has('withdraw')) {
    const failure: CaseFormFailure = { form: 'withdraw', errors: [], values: {}, problem: refused.problem ?? problemTitle(ctx.locale, 'workflow.action_not_allowed') };
    return sendPage(reply, view(CasePage, { ctx, data, now: deps.clock.now(), failure }), refused.status);
  }
  return sendPage(reply, view(WithdrawPage, { ctx, registerNumber: data.view.registerNumber, reason, errors: refused.errors, problem: refused.problem }), refused.status);
}

/**
 * Multipart: the files stream to temporary files (10 MB each, as on the API) and are gone
 * again whatever happens, once the form token is checked and the use case has run.
 */
export function evidencePost(context: HttpContext) {
  const { deps } = context;
  return withCase(deps, async (complaintId, request, reply) => {
    if (!request.isMultipart()) throw new DomainError('request.invalid', {}, [{ pointer: '/attachments', code: 'required' }]);
    const cleanups: Array<() => Promise<void>> = [];
    try {
      await addEvidence(context, request, reply, complaintId, cleanups);
      return redirectAfterPost(reply, donePath('evidence'));
    } catch (caught) {
      return showEvidenceRefusal(deps, request, reply, complaintId, parserLimitRefusal(caught));
    } finally {
      await Promise.all(cleanups.map((cleanup) => cleanup()));
    }
  });
}

async function addEvidence(context: HttpContext, request: FastifyRequest, reply: FastifyReply, complaintId: string, cleanups: Array<() => Promise<void>>): Promise<void> {
  const upload = await readMultipart(request, context.uploadDir, ['attachments']);
  cleanups.push(upload.cleanup);
  checkCsrf(context.deps, request, upload.fields._csrf);
  const ctx = webContext(context.deps, request, reply);
  // A browser sends an empty, nameless part when no file was chosen.
  const files = (upload.files.attachments ?? []).filter((file) => file.sizeBytes > 0);
  if (files.length === 0) throw new FormRefusal([{ fieldId: fieldIds.evidence, message: ctx.t('track.evidence.required') }]);
  await addReporterAttachments(context.deps, complaintId, files);
}

/** A refused upload on the case page, beside the file input; anything else goes on to the error page. */
async function showEvidenceRefusal(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, complaintId: string, error: unknown): Promise<FastifyReply> {
  if (!(error instanceof DomainError || error instanceof FormRefusal)) throw error;
  const ctx = webContext(deps, request, reply);
  const refused = pageRefusalOf(ctx, reply, error, formFieldIds.evidence);
  return showCaseFailure(deps, reply, ctx, complaintId, failureOf('evidence', refused, {}), refused.status);
}
