import compress from '@fastify/compress';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HttpContext } from '../http-context.js';
import { registerAssets } from './kit/assets.js';
import { MessagePage } from './kit/layout.js';
import { renderErrorPage } from './kit/error-page.js';
import { publicPages } from './public/plugin.js';
import { staffPages, staffPrefix } from './staff/plugin.js';
import { sendPage } from './kit/render.js';
import { isSecure, languageCookieName, rememberSite, webContext } from './kit/web-context.js';
import { getSiteContact } from '../../app/site/get-site-contact.js';
import { defaultSiteContact } from '../../app/site/site-contact.js';

/**
 * The pages: server-rendered HTML that works without JavaScript, for the public (public/) and,
 * under /staf, for staff (staff/, its own plugin with its session hook). They call the same
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

    await publicPages(web, context);
    await web.register(staffPages, { prefix: staffPrefix, context });
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
