import compress from '@fastify/compress';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/domain-error.js';
import { problemTitle } from '../../i18n/problem-messages.js';
import type { HttpContext } from '../http-context.js';
import { httpStatusOf, markedUnavailable } from '../plugins/problem-details.js';
import { registerAssets } from './kit/assets.js';
import { MessagePage } from './kit/layout.js';
import { complaintFormPages } from './public/complaint-form/routes.js';
import { homePages } from './public/home/routes.js';
import { publicRegisterPages } from './public/public-register/routes.js';
import { verificationPages } from './public/verification/routes.js';
import { statisticsPages } from './public/statistics/routes.js';
import { trackPages } from './public/track/routes.js';
import { sendPage } from './kit/render.js';
import { CsrfError, isSecure, languageCookieName, rememberSite, webContext } from './kit/web-context.js';
import { getSiteContact } from '../../app/site/get-site-contact.js';
import { defaultSiteContact } from '../../app/site/site-contact.js';

/**
 * The public pages: server-rendered HTML that works without JavaScript. They call the same
 * app/ use cases as the JSON API; no rule lives in a page. Encapsulated, so that their form
 * parsing, compression and HTML error pages leave the API alone.
 */
export async function webPages(app: FastifyInstance, context: HttpContext): Promise<void> {
  await app.register(async (web) => {
    await web.register(formbody, { bodyLimit: 256 * 1024 });
    await web.register(compress, { global: true, threshold: 1024, encodings: ['gzip'] });
    registerAssets(web);
    // The body's name goes in every page's header and title: read with each page (one small
    // row), so a change an administrator makes shows on every node at once. Not for assets.
    web.addHook('preHandler', async (request) => {
      if (!request.url.startsWith('/assets/')) rememberSite(request, await getSiteContact(context.deps));
    });

    web.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => renderErrorPage(context, error, request, reply));

    // The language link: remembered for a year, then back to the page it was clicked on.
    web.get<{ Params: { locale: string }; Querystring: { kembali?: string } }>('/bahasa/:locale', { schema: { hide: true } }, async (request, reply) => {
      const locale = request.params.locale === 'en' ? 'en' : 'id';
      void reply.setCookie(languageCookieName, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true, secure: isSecure(request) });
      return reply.code(303).header('location', localPath(request.query.kembali)).send();
    });

    await homePages(web, context);
    await complaintFormPages(web, context);
    await trackPages(web, context);
    await publicRegisterPages(web, context);
    await statisticsPages(web, context);
    await verificationPages(web, context);
  });
}

/** Only a path on this site: never `//elsewhere` or a full URL (no open redirect). */
export function localPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';
}

/**
 * The not-found page for a browser that asked for something that is not there. Outside the
 * pages' scope, so it reads the body's name itself; without the database it shows the service name.
 */
export function renderNotFoundPage(context: HttpContext, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  void getSiteContact(context.deps).catch(() => defaultSiteContact).then((site) => {
    rememberSite(request, site);
    const ctx = webContext(context.deps, request, reply);
    sendPage(reply, MessagePage({ ctx, title: ctx.t('error.notFound.title'), body: ctx.t('error.notFound.body') }), 404);
  });
  return reply;
}

function renderErrorPage(context: HttpContext, error: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const ctx = webContext(context.deps, request, reply);
  if (error instanceof CsrfError) {
    return sendPage(reply, MessagePage({ ctx, title: ctx.t('error.csrf.title'), body: ctx.t('error.csrf.body') }), 403);
  }
  if (markedUnavailable(error, request, reply)) {
    return sendPage(reply, MessagePage({ ctx, title: ctx.t('error.unavailable.title'), body: ctx.t('error.unavailable.body') }), 503);
  }
  const status = error instanceof DomainError ? httpStatusOf(error.code) : error.statusCode ?? 500;
  if (status === 429) {
    void reply.header('retry-after', '60');
    return sendPage(reply, MessagePage({ ctx, title: ctx.t('error.rateLimited.title'), body: ctx.t('error.rateLimited.body') }), 429);
  }
  if (status === 404) {
    return sendPage(reply, MessagePage({ ctx, title: ctx.t('error.notFound.title'), body: ctx.t('error.notFound.body') }), 404);
  }
  if (status >= 400 && status < 500) {
    // A page should have answered this refusal itself (beside the field); say it plainly.
    const title = error instanceof DomainError ? problemTitle(ctx.locale, error.code) : ctx.t('error.server.title');
    return sendPage(reply, MessagePage({ ctx, title, body: ctx.t('error.badRequest.body') }), status);
  }
  request.log.error({ err: error }, 'page failed');
  return sendPage(reply, MessagePage({ ctx, title: ctx.t('error.server.title'), body: ctx.t('error.server.body') }), 500);
}
