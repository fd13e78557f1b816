import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createStaffUser } from '../../../app/admin/create-staff-user.js';
import { deactivateStaffUser } from '../../../app/admin/deactivate-staff-user.js';
import { listStaffUsers } from '../../../app/admin/list-staff-users.js';
import { updateStaffUser } from '../../../app/admin/update-staff-user.js';
import type { HttpContext } from '../../http-context.js';
import { requireStaff } from '../../plugins/staff-auth.js';
import { IdParams } from '../shared/id-params.js';
import { problemResponses } from '../shared/problem-schema.js';
import { presentUser } from './present-records.js';
import { listOf, UserBody, UserPatch, UserReply } from './schemas.js';

export async function userAdminRoutes(app: FastifyInstance, { deps }: HttpContext): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];

  typed.get('/api/v1/admin/users', {
    schema: { summary: 'List staff accounts (inactive too)', tags, response: { 200: listOf(UserReply), ...problemResponses(401, 403) } },
  }, async () => ({ items: (await listStaffUsers(deps)).map(presentUser) }));

  typed.post('/api/v1/admin/users', {
    schema: { summary: 'Create a staff account', tags, body: UserBody, response: { 201: UserReply, ...problemResponses(400, 401, 403, 409) } },
  }, async (request, reply) => reply.code(201).send(presentUser(await createStaffUser(deps, await requireStaff(request, deps), request.body))));

  typed.patch('/api/v1/admin/users/:id', {
    schema: {
      summary: 'Change a staff account', description: 'A new password or resetTotp signs the person out everywhere.',
      tags, params: IdParams, body: UserPatch, response: { 200: UserReply, ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => presentUser(await updateStaffUser(deps, await requireStaff(request, deps), Number(request.params.id), request.body)));

  typed.post('/api/v1/admin/users/:id/deactivate', {
    schema: { summary: 'Deactivate a staff account and revoke its tokens', tags, params: IdParams, response: { 200: UserReply, ...problemResponses(400, 401, 403, 404, 409) } },
  }, async (request) => presentUser(await deactivateStaffUser(deps, await requireStaff(request, deps), Number(request.params.id))));
}
