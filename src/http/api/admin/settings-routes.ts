import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { getTotpRequiredRoles } from '../../../app/admin/get-totp-required-roles.js';
import { setTotpRequiredRoles } from '../../../app/admin/set-totp-required-roles.js';
import type { HttpContext } from '../../http-context.js';
import { requireStaff } from '../../plugins/staff-auth.js';
import { problemResponses } from '../shared/problem-schema.js';
import { TotpRequiredRoles } from './schemas.js';

export async function settingsAdminRoutes(app: FastifyInstance, { deps }: HttpContext): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];

  typed.get('/api/v1/admin/settings/totp-required-roles', {
    schema: { summary: 'Roles whose holders must use TOTP', tags, response: { 200: TotpRequiredRoles, ...problemResponses(401, 403) } },
  }, async () => ({ roles: await getTotpRequiredRoles(deps) }));

  typed.put('/api/v1/admin/settings/totp-required-roles', {
    schema: {
      summary: 'Set the roles whose holders must use TOTP',
      description: 'Holders without TOTP can then sign in only to enrol; open sessions are restricted on their next request.',
      tags, body: TotpRequiredRoles, response: { 200: TotpRequiredRoles, ...problemResponses(400, 401, 403) },
    },
  }, async (request) => ({ roles: await setTotpRequiredRoles(deps, await requireStaff(request, deps), request.body.roles) }));
}
