import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listAdminWarnings } from '../../../app/admin/list-admin-warnings.js';
import { problemTitle } from '../../../i18n/problem-messages.js';
import type { HttpContext } from '../../http-context.js';
import { requestLocale } from '../../plugins/problem-details.js';
import { problemResponses } from '../shared/problem-schema.js';

const WarningsReply = Type.Object({
  items: Type.Array(Type.Object({
    code: Type.String({ description: 'Stable: whistleblowing.no_integrity_team (whistleblowing categories exist but no active integrity team has an active member who reads cases; reports in them are refused)' }),
    message: Type.String({ description: 'In the request\'s language' }),
    categories: Type.Array(Type.String(), { description: 'The category codes concerned' }),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

export async function warningAdminRoutes(app: FastifyInstance, { deps }: HttpContext): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get('/api/v1/admin/warnings', {
    schema: { summary: 'What the configuration leaves broken, for administrators to put right (empty when nothing)', tags: ['admin'], response: { 200: WarningsReply, ...problemResponses(401, 403) } },
  }, async (request) => {
    const locale = requestLocale(request);
    return { items: (await listAdminWarnings(deps)).map((warning) => ({ ...warning, message: problemTitle(locale, warning.code) })) };
  });
}
