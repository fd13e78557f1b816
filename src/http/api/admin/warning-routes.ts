import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listAdminWarnings } from '../../../app/admin/list-admin-warnings.js';
import type { HttpContext } from '../../http-context.js';
import { requestLocale } from '../../plugins/problem-details.js';
import { problemResponses } from '../shared/problem-schema.js';

const WarningsReply = Type.Object({
  warnings: Type.Array(Type.Object({
    code: Type.String({ description: 'Stable: `whistleblowing.no_integrity_team` (whistleblowing categories exist but no active integrity team has an active member who reads cases; reports in them are refused), `public_url.local` (PUBLIC_URL unset or pointing at this machine: it is printed on every letter)' }),
    message: Type.String({ description: 'In the request\'s language' }),
    categories: Type.Optional(Type.Array(Type.String(), { description: 'The category codes concerned (whistleblowing.no_integrity_team)' })),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

/** What the installation's administrator should fix (administrators only; empty when nothing). */
export async function warningAdminRoutes(app: FastifyInstance, { deps }: HttpContext): Promise<void> {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/api/v1/admin/warnings', {
    schema: { summary: 'Configuration problems the administrator should fix (empty when nothing)', tags: ['admin'], response: { 200: WarningsReply, ...problemResponses(401, 403) } },
  }, async (request) => {
    const locale = requestLocale(request);
    return { warnings: (await listAdminWarnings(deps)).map((warning) => ({ ...warning, message: warning.message[locale] })) };
  });
}
