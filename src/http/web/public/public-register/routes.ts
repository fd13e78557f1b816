import type { FastifyInstance } from 'fastify';
import { getPublicRegisterEntry } from '../../../../app/public-register/get-public-register-entry.js';
import { listPublicRegister } from '../../../../app/public-register/list-public-register.js';
import type { HttpContext } from '../../../http-context.js';
import { sendPage, view } from '../../kit/render.js';
import { webContext } from '../../kit/web-context.js';
import { RegisterEntryPage } from './register-entry-page.js';
import { RegisterListPage } from './register-list-page.js';

interface RegisterQuery {
  q?: unknown;
  kategori?: unknown;
  halaman?: unknown;
}

/**
 * The public register (`/publik`) and one published case (`/publik/<register number>`). A GET
 * form, so a search is a link one can share and the page works without JavaScript. The query is
 * read leniently: a bad page number shows the first page rather than an error.
 */
export async function publicRegisterPages(app: FastifyInstance, context: HttpContext): Promise<void> {
  const { deps } = context;

  app.get<{ Querystring: RegisterQuery }>('/publik', { schema: { hide: true } }, async (request, reply) => {
    const query = request.query;
    const register = await listPublicRegister(deps, {
      text: firstString(query.q), categoryCode: firstString(query.kategori) || undefined, page: pageNumber(firstString(query.halaman)),
    });
    return sendPage(reply, view(RegisterListPage, { ctx: webContext(deps, request, reply), register }));
  });

  // An unknown or unpublished number throws complaint.not_found: the site's 404 page.
  app.get<{ Params: { registerNumber: string } }>('/publik/:registerNumber', { schema: { hide: true } }, async (request, reply) => {
    const entry = await getPublicRegisterEntry(deps, request.params.registerNumber);
    return sendPage(reply, view(RegisterEntryPage, { ctx: webContext(deps, request, reply), entry }));
  });
}

function firstString(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

function pageNumber(value: string | undefined): number {
  const page = value !== undefined && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return page >= 1 ? page : 1;
}
