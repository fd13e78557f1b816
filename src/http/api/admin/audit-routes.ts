import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { listAdminAudit } from '../../../app/admin/list-admin-audit.js';
import { verifyAdminAuditChain } from '../../../app/admin/verify-admin-audit-chain.js';
import type { HttpContext } from '../../http-context.js';
import { requireStaff } from '../../plugins/staff-auth.js';
import { problemResponses } from '../shared/problem-schema.js';
import { AdminAuditQuery, AdminAuditReply, AdminAuditVerdictReply } from './audit-schemas.js';

/** The administration audit log, for administrators and auditors (the caller's role is checked by the scope, see routes.ts). */
export async function auditAdminRoutes(app: FastifyInstance, { deps }: HttpContext): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];

  typed.get('/api/v1/admin/audit', {
    schema: {
      summary: 'The administration audit log, newest first (keyset paging)',
      description: 'Every change to units, staff accounts, teams, categories and settings, and every inbox export: who, when, what, to what, and what changed. Administrators and auditors.',
      tags, querystring: AdminAuditQuery, response: { 200: AdminAuditReply, ...problemResponses(400, 401, 403) },
    },
  }, async (request) => {
    const query = request.query;
    const page = await listAdminAudit(deps, await requireStaff(request, deps), {
      action: query.action, actorId: query.actorId, targetType: query.targetType, targetId: query.targetId,
      occurredFrom: query.from === undefined ? undefined : new Date(query.from), occurredTo: query.to === undefined ? undefined : new Date(query.to),
    }, { limit: query.limit ?? 50, beforeSequence: query.cursor === undefined ? undefined : Number(query.cursor) });
    return {
      items: page.items.map((entry) => ({
        sequence: entry.sequence, at: entry.occurredAt.toISOString(),
        actor: entry.actorId === null ? null : { id: entry.actorId, name: entry.actorName },
        action: entry.action, target: entry.targetType === null ? null : { type: entry.targetType, id: entry.targetId ?? '' }, summary: entry.summary,
      })),
      next: page.next === null ? null : String(page.next),
    };
  });

  typed.get('/api/v1/admin/audit/chain', {
    schema: {
      summary: "Verify the administration log's hash chain and name the first broken link",
      tags, response: { 200: AdminAuditVerdictReply, ...problemResponses(401, 403) },
    },
  }, async (request) => verifyAdminAuditChain(deps, await requireStaff(request, deps)));
}
