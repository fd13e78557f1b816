import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listAdminWarnings } from '../../../app/admin/list-admin-warnings.js';
import type { HttpContext } from '../../http-context.js';
import { requestLocale } from '../../plugins/problem-details.js';
import { problemResponses } from '../shared/problem-schema.js';

const WarningsReply = Type.Object({
  warnings: Type.Array(Type.Object({ code: Type.String({ description: 'Stable, e.g. public_url.local' }), message: Type.String({ description: 'In the request\'s language' }) })),
});

/** What the installation's administrator should fix (administrators only). */
export async function warningAdminRoutes(app: FastifyInstance, { deps }: HttpContext): Promise<void> {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/api/v1/admin/warnings', {
    schema: { summary: 'Configuration problems the administrator should fix', tags: ['admin'], response: { 200: WarningsReply, ...problemResponses(401, 403) } },
  }, async (request) => {
    const locale = requestLocale(request);
    return { warnings: (await listAdminWarnings(deps)).map((warning) => ({ code: warning.code, message: warning.message[locale] })) };
  });
}
