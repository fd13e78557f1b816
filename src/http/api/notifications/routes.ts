import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { listFailedJobs } from '../../../app/notifications/list-failed-jobs.js';
import { listNotifications } from '../../../app/notifications/list-notifications.js';
import { markNotificationRead } from '../../../app/notifications/mark-notification-read.js';
import { notificationSentence } from '../../../i18n/notifications/notification-sentences.js';
import { staffCasePath } from '../../../i18n/staff-case-path.js';
import type { HttpContext } from '../../http-context.js';
import { requestLocale } from '../../plugins/problem-details.js';
import { requireStaff } from '../../plugins/staff-auth.js';
import { IdParams } from '../shared/id-params.js';
import { problemResponses } from '../shared/problem-schema.js';
import { FailedJobsReply, NotificationListQuery, NotificationListReply } from './schemas.js';

export async function notificationRoutes(app: FastifyInstance, { deps }: HttpContext, options: { jobQueueSchema?: string | undefined } = {}): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.get('/api/v1/notifications', {
    schema: {
      summary: "The signed-in staff member's notifications, newest first, with the unread count",
      tags: ['notifications'], querystring: NotificationListQuery, response: { 200: NotificationListReply, ...problemResponses(400, 401, 403) },
    },
  }, async (request) => {
    const actor = await requireStaff(request, deps);
    const list = await listNotifications(deps, actor, request.query.limit ?? 50);
    const locale = requestLocale(request);
    return {
      unreadCount: list.unreadCount,
      items: list.items.map((item) => ({
        id: item.id, template: item.template, text: notificationSentence(item.template, item.data, item.registerNumber ?? '', locale),
        complaintId: item.complaintId, registerNumber: item.registerNumber, title: item.title,
        link: item.complaintId === null ? null : staffCasePath(item.complaintId),
        createdAt: item.createdAt.toISOString(), readAt: item.readAt?.toISOString() ?? null,
      })),
    };
  });

  typed.post('/api/v1/notifications/:id/read', {
    schema: { summary: 'Mark one of my notifications read', tags: ['notifications'], params: IdParams, response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await markNotificationRead(deps, (await requireStaff(request, deps)).userId, Number(request.params.id));
    return reply.code(204).send(null);
  });

  typed.get('/api/v1/admin/jobs/failed', {
    schema: { summary: 'Messages and jobs the worker gave up on', tags: ['admin'], response: { 200: FailedJobsReply, ...problemResponses(401, 403) } },
  }, async (request) => {
    const failed = await listFailedJobs(deps, await requireStaff(request, deps), 100, options.jobQueueSchema);
    return {
      outbox: failed.outbox.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
      queue: failed.queue.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), failedAt: row.failedAt?.toISOString() ?? null })),
    };
  });
}
