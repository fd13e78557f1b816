import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../../../../app/deps.js';
import type { HttpContext } from '../../../http-context.js';
import { trackWithAttemptLimit } from '../../../shared/tracking-attempts.js';
import { validated } from '../../../shared/validated.js';
import { formFields, type FieldError } from '../../kit/form-errors.js';
import { FormRefusal, pageRefusalOf } from '../../kit/refusal.js';
import { redirectAfterPost, sendPage, view } from '../../kit/render.js';
import { checkCsrf, webContext, type WebContext } from '../../kit/web-context.js';
import { casePath, hasReporterSession, startReporterSession } from './reporter-session.js';
import { registerNumberId, SignInPage, trackingCodeId, type SignInNotice } from './sign-in-page.js';

// The API's POST /api/v1/track body limits.
const trackBody = Type.Object({
  registerNumber: Type.String({ minLength: 1, maxLength: 40 }),
  trackingCode: Type.String({ minLength: 1, maxLength: 40 }),
}, { additionalProperties: false });

const signInFields = { byName: { registerNumber: registerNumberId, trackingCode: trackingCodeId }, fallback: trackingCodeId };

interface TrackingPair {
  registerNumber: string;
  trackingCode: string;
}

/** The tracking form, with a word on how the last session ended or that one is still open. */
export async function showSignIn(deps: AppDeps, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const ctx = webContext(deps, request, reply);
  return sendPage(reply, view(SignInPage, { ctx, notice: await signInNoticeOf(deps, request) }));
}

/**
 * A session still open is offered, never opened by itself: the next person at a shared
 * computer who clicks "Track" must not land in someone else's complaint.
 */
async function signInNoticeOf(deps: AppDeps, request: FastifyRequest): Promise<SignInNotice | undefined> {
  const query = request.query as { sesi?: string; keluar?: string };
  if (query.sesi === 'berakhir') return 'session_ended';
  if (query.keluar !== undefined) return 'signed_out';
  return (await hasReporterSession(deps, request)) ? 'still_signed_in' : undefined;
}

/** Opens the case for the browser, or shows the form again with what was wrong. */
export async function signIn(context: HttpContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const fields = formFields(request);
  checkCsrf(context.deps, request, fields._csrf);
  const ctx = webContext(context.deps, request, reply);
  const pair = { registerNumber: (fields.registerNumber ?? '').trim(), trackingCode: (fields.trackingCode ?? '').trim() };
  try {
    startReporterSession(request, reply, await accessTokenOf(context, request, ctx, pair));
    return redirectAfterPost(reply, casePath);
  } catch (error) {
    const refused = pageRefusalOf(ctx, reply, error, signInFields);
    // The same words whichever half was wrong, and the code is never written back into the page.
    return sendPage(reply, view(SignInPage, { ctx, registerNumber: pair.registerNumber, errors: refused.errors }), refused.status);
  }
}

/** Both halves typed, within the API's limits, and a right pair (wrong ones are counted). */
async function accessTokenOf(context: HttpContext, request: FastifyRequest, ctx: WebContext, pair: TrackingPair): Promise<string> {
  const errors: FieldError[] = [];
  if (pair.registerNumber === '') errors.push({ fieldId: registerNumberId, message: ctx.t('track.error.registerNumber.required') });
  if (pair.trackingCode === '') errors.push({ fieldId: trackingCodeId, message: ctx.t('track.error.trackingCode.required') });
  if (errors.length > 0) throw new FormRefusal(errors);
  validated(request, trackBody, pair);
  return (await trackWithAttemptLimit(context, request.ip, pair)).accessToken;
}
