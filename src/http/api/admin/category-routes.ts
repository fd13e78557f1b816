import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createCategory } from '../../../app/admin/create-category.js';
import { deactivateCategory } from '../../../app/admin/deactivate-category.js';
import { listCategories } from '../../../app/admin/list-categories.js';
import { updateCategory } from '../../../app/admin/update-category.js';
import type { HttpContext } from '../../http-context.js';
import { requireStaff } from '../../plugins/staff-auth.js';
import { IdParams } from '../shared/id-params.js';
import { problemResponses } from '../shared/problem-schema.js';
import { presentCategory } from './present-records.js';
import { CategoryBody, CategoryPatch, CategoryReply, listOf } from './schemas.js';

export async function categoryAdminRoutes(app: FastifyInstance, { deps }: HttpContext): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];

  typed.get('/api/v1/admin/categories', {
    schema: { summary: 'List categories (inactive too)', tags, response: { 200: listOf(CategoryReply), ...problemResponses(401, 403) } },
  }, async () => ({ items: (await listCategories(deps)).map(presentCategory) }));

  typed.post('/api/v1/admin/categories', {
    schema: { summary: 'Create a category', tags, body: CategoryBody, response: { 201: CategoryReply, ...problemResponses(400, 401, 403, 409) } },
  }, async (request, reply) => reply.code(201).send(presentCategory(await createCategory(deps, await requireStaff(request, deps), { ...request.body, isWhistleblowing: request.body.isWhistleblowing ?? false }))));

  typed.patch('/api/v1/admin/categories/:id', {
    schema: { summary: 'Change a category (not its code)', tags, params: IdParams, body: CategoryPatch, response: { 200: CategoryReply, ...problemResponses(400, 401, 403, 404) } },
  }, async (request) => presentCategory(await updateCategory(deps, await requireStaff(request, deps), Number(request.params.id), request.body)));

  typed.post('/api/v1/admin/categories/:id/deactivate', {
    schema: { summary: 'Deactivate a category', tags, params: IdParams, response: { 200: CategoryReply, ...problemResponses(400, 401, 403, 404) } },
  }, async (request) => presentCategory(await deactivateCategory(deps, await requireStaff(request, deps), Number(request.params.id))));
}
