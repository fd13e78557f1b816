import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createTeam } from '../../../app/admin/create-team.js';
import { deactivateTeam } from '../../../app/admin/deactivate-team.js';
import { listTeams } from '../../../app/admin/list-teams.js';
import { updateTeam } from '../../../app/admin/update-team.js';
import type { HttpContext } from '../../http-context.js';
import { requireStaff } from '../../plugins/staff-auth.js';
import { IdParams } from '../shared/id-params.js';
import { problemResponses } from '../shared/problem-schema.js';
import { presentTeam } from './present-records.js';
import { listOf, TeamBody, TeamPatch, TeamReply } from './schemas.js';

export async function teamAdminRoutes(app: FastifyInstance, { deps }: HttpContext): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];

  typed.get('/api/v1/admin/teams', {
    schema: { summary: 'List teams with their members', tags, response: { 200: listOf(TeamReply), ...problemResponses(401, 403) } },
  }, async () => ({ items: (await listTeams(deps)).map(presentTeam) }));

  typed.post('/api/v1/admin/teams', {
    schema: { summary: 'Create a team', tags, body: TeamBody, response: { 201: TeamReply, ...problemResponses(400, 401, 403, 409) } },
  }, async (request, reply) => reply.code(201).send(presentTeam(await createTeam(deps, await requireStaff(request, deps), { ...request.body, isIntegrityTeam: request.body.isIntegrityTeam ?? false }))));

  typed.patch('/api/v1/admin/teams/:id', {
    schema: { summary: 'Change a team; `members` replaces the membership', description: '409 whistleblowing.integrity_team_needed when the change would leave a whistleblowing case visible to nobody.', tags, params: IdParams, body: TeamPatch, response: { 200: TeamReply, ...problemResponses(400, 401, 403, 404, 409) } },
  }, async (request) => presentTeam(await updateTeam(deps, await requireStaff(request, deps), Number(request.params.id), request.body)));

  typed.post('/api/v1/admin/teams/:id/deactivate', {
    schema: {
      summary: 'Deactivate a team', tags, params: IdParams, response: { 200: TeamReply, ...problemResponses(400, 401, 403, 404, 409) },
      description: '409 whistleblowing.integrity_team_needed when it would leave a whistleblowing case visible to nobody (the last integrity team with a member who reads cases).',
    },
  }, async (request) => presentTeam(await deactivateTeam(deps, await requireStaff(request, deps), Number(request.params.id))));
}
