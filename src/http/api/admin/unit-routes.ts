import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createUnit } from '../../../app/admin/create-unit.js';
import { deactivateUnit } from '../../../app/admin/deactivate-unit.js';
import { listUnits } from '../../../app/admin/list-units.js';
import { updateUnit } from '../../../app/admin/update-unit.js';
import type { HttpContext } from '../../http-context.js';
import { requireStaff } from '../../plugins/staff-auth.js';
import { IdParams } from '../shared/id-params.js';
import { problemResponses } from '../shared/problem-schema.js';
import { presentUnit } from './present-records.js';
import { listOf, UnitBody, UnitPatch, UnitReply } from './schemas.js';

export async function unitAdminRoutes(app: FastifyInstance, { deps }: HttpContext): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];

  typed.get('/api/v1/admin/units', {
    schema: { summary: 'List units (inactive too)', tags, response: { 200: listOf(UnitReply), ...problemResponses(401, 403) } },
  }, async () => ({ items: (await listUnits(deps)).map(presentUnit) }));

  typed.post('/api/v1/admin/units', {
    schema: { summary: 'Create a unit', tags, body: UnitBody, response: { 201: UnitReply, ...problemResponses(400, 401, 403, 409) } },
  }, async (request, reply) => reply.code(201).send(presentUnit(await createUnit(deps, await requireStaff(request, deps), request.body))));

  typed.patch('/api/v1/admin/units/:id', {
    schema: { summary: 'Change a unit (a new parent may not be the unit itself or below it)', tags, params: IdParams, body: UnitPatch, response: { 200: UnitReply, ...problemResponses(400, 401, 403, 404, 409) } },
  }, async (request) => presentUnit(await updateUnit(deps, await requireStaff(request, deps), Number(request.params.id), request.body)));

  typed.post('/api/v1/admin/units/:id/deactivate', {
    schema: { summary: 'Deactivate a unit without active sub-units or staff', tags, params: IdParams, response: { 200: UnitReply, ...problemResponses(400, 401, 403, 404, 409) } },
  }, async (request) => presentUnit(await deactivateUnit(deps, await requireStaff(request, deps), Number(request.params.id))));
}
