import type { FastifyInstance } from 'fastify';
import { getResponseTimes } from '../../../../app/site/get-response-times.js';
import { getSiteContact } from '../../../../app/site/get-site-contact.js';
import type { HttpContext } from '../../../http-context.js';
import { sendPage, view } from '../../kit/render.js';
import { webContext } from '../../kit/web-context.js';
import { HomePage } from './home-page.js';

export async function homePages(app: FastifyInstance, context: HttpContext): Promise<void> {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const [contact, times] = await Promise.all([getSiteContact(context.deps), getResponseTimes(context.deps)]);
    return sendPage(reply, view(HomePage, { ctx: webContext(context.deps, request, reply), contact, times }));
  });
}
