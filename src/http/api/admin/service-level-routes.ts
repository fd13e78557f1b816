import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createServiceLevelPolicy } from '../../../app/admin/create-service-level-policy.js';
import { getServiceLevelSettings } from '../../../app/admin/get-service-level-settings.js';
import { listServiceLevelPolicies } from '../../../app/admin/list-service-level-policies.js';
import type { ServiceLevelPolicyRecord } from '../../../app/admin/service-level-policy-record.js';
import { setServiceLevelSettings } from '../../../app/admin/set-service-level-settings.js';
import { updateServiceLevelPolicy } from '../../../app/admin/update-service-level-policy.js';
import type { HttpContext } from '../../http-context.js';
import { requireStaff } from '../../plugins/staff-auth.js';
import { IdParams } from '../shared/id-params.js';
import { problemResponses } from '../shared/problem-schema.js';
import { listOf } from './schemas.js';
import {
  ServiceLevelPolicyBody, ServiceLevelPolicyPatch, ServiceLevelPolicyReply, ServiceLevelSettingsSchema,
} from './service-level-schemas.js';

const presentPolicy = ({ categoryCode, createdAt, updatedAt, ...policy }: ServiceLevelPolicyRecord) => ({
  ...policy, category: categoryCode, createdAt: createdAt.toISOString(), updatedAt: updatedAt === null ? null : updatedAt.toISOString(),
});

export async function serviceLevelAdminRoutes(app: FastifyInstance, { deps }: HttpContext): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];

  typed.get('/api/v1/admin/service-levels', {
    schema: { summary: 'List service-level policies (inactive too)', tags, response: { 200: listOf(ServiceLevelPolicyReply), ...problemResponses(401, 403) } },
  }, async () => ({ items: (await listServiceLevelPolicies(deps)).map(presentPolicy) }));

  typed.post('/api/v1/admin/service-levels', {
    schema: {
      summary: 'Create a service-level policy',
      description: 'It applies to deadlines that start from now on (and to open ones when triage changes what a case’s policy is chosen by); deadlines already set keep their due times.',
      tags, body: ServiceLevelPolicyBody, response: { 201: ServiceLevelPolicyReply, ...problemResponses(400, 401, 403, 409) },
    },
  }, async (request, reply) => reply.code(201).send(presentPolicy(await createServiceLevelPolicy(deps, await requireStaff(request, deps), request.body))));

  typed.patch('/api/v1/admin/service-levels/:id', {
    schema: { summary: 'Change a policy’s name or deadlines, or (de)activate it', tags, params: IdParams, body: ServiceLevelPolicyPatch, response: { 200: ServiceLevelPolicyReply, ...problemResponses(400, 401, 403, 404, 409) } },
  }, async (request) => presentPolicy(await updateServiceLevelPolicy(deps, await requireStaff(request, deps), Number(request.params.id), request.body)));

  typed.get('/api/v1/admin/service-levels/settings', {
    schema: { summary: 'Reminders, the appeal window and the follow-up of unanswered requests', tags, response: { 200: ServiceLevelSettingsSchema, ...problemResponses(401, 403) } },
  }, async () => getServiceLevelSettings(deps));

  typed.put('/api/v1/admin/service-levels/settings', {
    schema: { summary: 'Set reminders, the appeal window and the follow-up of unanswered requests', tags, body: ServiceLevelSettingsSchema, response: { 200: ServiceLevelSettingsSchema, ...problemResponses(400, 401, 403) } },
  }, async (request) => setServiceLevelSettings(deps, await requireStaff(request, deps), request.body));
}
