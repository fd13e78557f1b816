import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../domain/domain-error.js';
import { problemTitle } from '../../../i18n/problem-messages.js';
import type { HttpContext } from '../../http-context.js';
import { httpStatusOf, markedUnavailable, sayRetryAfter } from '../../plugins/problem-details.js';
import { MessagePage } from './layout.js';
import { sendPage } from './render.js';
import { CsrfError, webContext } from './web-context.js';

/**
 * The page for whatever a page's handler did not answer itself, for every audience: a stale
 * form token, the database away, too many requests, nothing there, a refusal, a failure.
 */
export function renderErrorPage(context: HttpContext, error: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const ctx = webContext(context.deps, request, reply);
  const message = (title: string, body: string, status: number) => sendPage(reply, MessagePage({ ctx, title, body }), status);
  if (error instanceof CsrfError) return message(ctx.t('error.csrf.title'), ctx.t('error.csrf.body'), 403);
  if (markedUnavailable(error, request, reply)) return message(ctx.t('error.unavailable.title'), ctx.t('error.unavailable.body'), 503);
  const status = error instanceof DomainError ? httpStatusOf(error.code) : error.statusCode ?? 500;
  if (status === 429) {
    // The request limiter has set its own window; a refusal carries its wait.
    if (error instanceof DomainError) sayRetryAfter(reply, error);
    return message(ctx.t('error.rateLimited.title'), ctx.t('error.rateLimited.body'), 429);
  }
  if (status === 404) return message(ctx.t('error.notFound.title'), ctx.t('error.notFound.body'), 404);
  if (status >= 400 && status < 500) {
    // A page should have answered this refusal itself (beside the field); say it plainly.
    return message(error instanceof DomainError ? problemTitle(ctx.locale, error.code) : ctx.t('error.server.title'), ctx.t('error.badRequest.body'), status);
  }
  request.log.error({ err: error }, 'page failed');
  return message(ctx.t('error.server.title'), ctx.t('error.server.body'), 500);
}
